// SPDX-License-Identifier: MIT
#include "app/labclient.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace CookieLab
{

LabClient::LabClient(CookieJar &jar, QObject *parent)
    : QObject(parent)
    , m_jar(jar)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<Response>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

LabClient::~LabClient() = default;

quint64 LabClient::send(const Request &request)
{
    const quint64 id = m_nextId++;
    CookieRequestContext context = request.context;
    context.url = request.url;
    context.method = request.method;

    QNetworkRequest networkRequest(request.url);
    // The core jar decides; QNAM must neither add nor store cookies itself.
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    bool explicitCookie = false;
    for (const auto &[name, value] : request.headers) {
        networkRequest.setRawHeader(name, value);
        explicitCookie = explicitCookie || name.compare("cookie", Qt::CaseInsensitive) == 0;
    }
    QByteArray cookieSent;
    if (explicitCookie) {
        cookieSent = networkRequest.rawHeader("Cookie");
    } else {
        cookieSent = m_jar.cookieHeader(context);
        if (!cookieSent.isEmpty())
            networkRequest.setRawHeader("Cookie", cookieSent);
    }

    auto *body = new QBuffer;
    body->setData(request.body);
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, body);
    body->setParent(reply);
    if (m_ignoreCertificateErrors)
        connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, cookieSent, context] { finish(reply, id, cookieSent, context); });
    return id;
}

void LabClient::finish(QNetworkReply *reply, quint64 id, const QByteArray &cookieSent, const CookieRequestContext &context)
{
    reply->deleteLater();
    Response response;
    response.requestId = id;
    response.cookieSent = cookieSent;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    if (response.status == 0)
        response.error = reply->errorString();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) != 0) {
            response.headers.append({name, value});
            continue;
        }
        // QNAM joins repeated Set-Cookie lines with '\n'; a real value cannot contain one.
        for (const QByteArray &line : value.split('\n')) {
            response.headers.append({name, line});
            response.storeOutcomes.append(m_jar.setCookie(line, context));
        }
    }
    Q_EMIT responseReceived(response);
}

} // namespace CookieLab
