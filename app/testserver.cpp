// SPDX-License-Identifier: MIT
#include "app/testserver.h"

#include "app/cookieroutes.h"
#include "app/serverreply.h"
#include "app/serverrequest.h"
#include "core/exchangerecorder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QNetworkInterface>
#include <QSslServer>
#include <QTcpServer>

namespace CookieLab
{

namespace
{

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get: return "GET";
    case M::Put: return "PUT";
    case M::Delete: return "DELETE";
    case M::Post: return "POST";
    case M::Head: return "HEAD";
    case M::Options: return "OPTIONS";
    case M::Patch: return "PATCH";
    case M::Connect: return "CONNECT";
    case M::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

} // namespace

TestServer::TestServer(CookieRoutes &routes, ExchangeRecorder &recorder, QObject *parent)
    : QObject(parent)
    , m_routes(routes)
    , m_recorder(recorder)
{
}

TestServer::~TestServer() = default;

QString TestServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    // QHttpServer 6.4 only wraps connections in TLS when it creates the listening server itself;
    // handing it a QSslServer does the same for bind().
    std::unique_ptr<QTcpServer> tcpServer;
    if (isTls()) {
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(m_tls);
        tcpServer = std::move(sslServer);
    } else {
        tcpServer = std::make_unique<QTcpServer>();
    }
    if (!tcpServer->listen(address, port))
        return QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcpServer->errorString());
    m_server = std::make_unique<QHttpServer>();
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) { handle(request, responder); });
    m_address = address;
    m_port = tcpServer->serverPort();
    m_tcpServer = tcpServer.release();
    m_server->bind(m_tcpServer);
    Q_EMIT listeningChanged(true);
    return {};
}

void TestServer::close()
{
    if (!m_server)
        return;
    m_tcpServer->close();
    m_server.reset();
    m_tcpServer = nullptr;
    m_port = 0;
    Q_EMIT listeningChanged(false);
}

bool TestServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

QUrl TestServer::baseUrl() const
{
    QUrl url;
    url.setScheme(isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    if (m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (m_address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(m_address.toString());
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    return url;
}

QList<QUrl> TestServer::networkLabUrls() const
{
    return labUrlsFor(m_address, QNetworkInterface::allAddresses(), baseUrl());
}

QList<QUrl> TestServer::labUrlsFor(const QHostAddress &bound, const QList<QHostAddress> &interfaces, const QUrl &base)
{
    const auto labUrl = [&base](const QHostAddress &address) {
        QUrl url = base;
        url.setHost(address.toString());
        url.setPath(QStringLiteral("/lab/"));
        return url;
    };
    if (bound.isLoopback() || bound.isNull())
        return {};
    if (bound != QHostAddress::Any && bound != QHostAddress::AnyIPv4 && bound != QHostAddress::AnyIPv6)
        return {labUrl(bound)};
    QList<QUrl> urls;
    for (const QHostAddress &address : interfaces) {
        const bool ipv4 = address.protocol() == QAbstractSocket::IPv4Protocol;
        const bool reachable = bound == QHostAddress::Any || (bound == QHostAddress::AnyIPv4) == ipv4;
        if (address.isLoopback() || address.isLinkLocal() || !reachable)
            continue;
        urls.append(labUrl(address));
    }
    return urls;
}

void TestServer::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();

    ServerRequest in;
    in.method = methodName(request.method());
    in.url = request.url();
    if (in.url.port() == 0) // QHttpServer reports port 0 when the Host header has none
        in.url.setPort(-1);
    if (isTls())
        in.url.setScheme(QStringLiteral("https")); // QHttpServer 6.4 says http either way
    in.headers = request.headers();
    in.body = request.body();
    in.clientAddress = request.remoteAddress().toString();

    ServerReply reply = m_routes.handle(in);
    if (!reply.isWireSafe()) // never reached by the routes; the last line of defence for the wire
        reply = ServerReply::error(500, QStringLiteral("A reply header held CR, LF or NUL and was not sent."));

    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto &header : std::as_const(reply.headers))
        responder.writeHeader(header.first, header.second);
    const QByteArray contentLength = QByteArray::number(reply.body.size());
    responder.writeHeader(QByteArrayLiteral("Content-Length"), contentLength);
    const bool head = in.method == "HEAD";
    responder.writeBody(head ? QByteArray() : reply.body);

    if (!m_capture)
        return;
    HttpExchange exchange;
    exchange.source = HttpExchange::Source::Server;
    exchange.method = in.method;
    exchange.url = in.url;
    exchange.clientAddress = in.clientAddress;
    exchange.requestHeaders = std::move(in.headers);
    HttpExchange::setBody(exchange.requestBody, exchange.requestBodySize, in.body);
    exchange.status = reply.status;
    exchange.responseHeaders = std::move(reply.headers);
    exchange.responseHeaders.append(qMakePair(QByteArrayLiteral("Content-Length"), contentLength));
    HttpExchange::setBody(exchange.responseBody, exchange.responseBodySize, head ? QByteArray() : reply.body);
    exchange.startedAt = startedAt;
    if (exchange.requestHeaders.isEmpty())
        exchange.note = QStringLiteral("No request headers: QHttpServer 6.4 drops all headers of a request with a malformed header line or "
                                       "over 100 fields / 102,400 bytes per line.");
    exchange.durationUsecs = timer.nsecsElapsed() / 1000;
    m_recorder.submit(std::move(exchange));
}

} // namespace CookieLab
