// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace CookieLab
{

/** A response as the routes build it: headers in the order they go on the wire. */
struct ServerReply
{
    int status = 200;
    HeaderList headers; ///< besides Content-Length, which the transport adds
    QByteArray body;

    static ServerReply json(int status, const QJsonValue &body);
    static ServerReply error(int status, const QString &message);
    static ServerReply text(int status, const QByteArray &body);
    static ServerReply redirect(const QByteArray &location);

    ServerReply &addHeader(const QByteArray &name, const QByteArray &value);
    ServerReply &addSetCookies(const QList<QByteArray> &values);
    QList<QByteArray> setCookies() const { return HttpExchange::values(headers, "set-cookie"); }
    /** True when no header name or value holds CR, LF or NUL (the transport refuses such replies). */
    bool isWireSafe() const;
};

} // namespace CookieLab
