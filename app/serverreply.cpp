// SPDX-License-Identifier: MIT
#include "app/serverreply.h"

#include "core/httpsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CookieLab
{

ServerReply ServerReply::json(int status, const QJsonValue &body)
{
    ServerReply reply;
    reply.status = status;
    reply.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    if (body.isArray())
        reply.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else
        reply.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

ServerReply ServerReply::error(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("error"), message}});
}

ServerReply ServerReply::text(int status, const QByteArray &body)
{
    ServerReply reply;
    reply.status = status;
    reply.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8"));
    reply.body = body;
    return reply;
}

ServerReply ServerReply::redirect(const QByteArray &location)
{
    ServerReply reply;
    reply.status = 302;
    reply.addHeader(QByteArrayLiteral("Location"), location);
    reply.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8"));
    reply.body = "Redirecting to " + location + '\n';
    return reply;
}

ServerReply &ServerReply::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name, value));
    return *this;
}

ServerReply &ServerReply::addSetCookies(const QList<QByteArray> &values)
{
    for (const QByteArray &value : values)
        headers.append(qMakePair(QByteArrayLiteral("Set-Cookie"), value));
    return *this;
}

bool ServerReply::isWireSafe() const
{
    for (const auto &header : headers) {
        if (!HttpSyntax::isToken(header.first) || HttpSyntax::hasLineBreakOrNul(header.second))
            return false;
    }
    return true;
}

} // namespace CookieLab
