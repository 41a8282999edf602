// SPDX-License-Identifier: MIT
#pragma once

#include "core/finding.h"
#include "core/setcookie.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>
#include <type_traits>

namespace CookieLab
{

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/** One request and its response as CookieLab saw them, with every Set-Cookie parsed. */
struct HttpExchange
{
    enum class Source
    {
        Server, ///< handled by the embedded server (from any client)
        Client, ///< sent by the app's own client
        Imported, ///< read from a file
        Event, ///< not HTTP: something the instructor did (a vulnerability switch), told in note
    };

    static constexpr qsizetype DefaultBodyLimit = qsizetype(64) * 1024;

    quint64 id = 0; ///< assigned by ExchangeLog
    Source source = Source::Server;
    QByteArray method;
    QUrl url; ///< absolute URL as requested
    QString clientAddress;
    quint16 clientPort = 0;
    HeaderList requestHeaders; ///< wire order and case; Cookie kept exactly as received
    QByteArray requestBody; ///< up to the body limit
    qsizetype requestBodySize = 0; ///< before truncation
    int status = 0;
    HeaderList responseHeaders; ///< every Set-Cookie line as sent
    QByteArray responseBody;
    qsizetype responseBodySize = 0;
    qint64 startedAt = 0; ///< ms since epoch
    qint64 durationUsecs = 0;
    QString note; ///< anything the transport could not capture faithfully
    QList<Finding> findings; ///< the analyzer's findings, filled when the exchange is recorded

    bool requestBodyTruncated() const { return requestBodySize > requestBody.size(); }
    bool responseBodyTruncated() const { return responseBodySize > responseBody.size(); }
    /** Values of every header with this name (case-insensitive), in order. */
    static QList<QByteArray> values(const HeaderList &headers, QByteArrayView name);
    QList<QByteArray> requestCookieHeaders() const { return values(requestHeaders, "cookie"); }
    QByteArray path() const;
    /** Stores a body, keeping at most limit bytes and remembering the full size. */
    static void setBody(QByteArray &target, qsizetype &targetSize, const QByteArray &body, qsizetype limit = DefaultBodyLimit);
    /** The response's Set-Cookie lines parsed as received at startedAt (parsed on demand: storing them costs memory). */
    QList<SetCookie> setCookies() const;
    qsizetype setCookieCount() const { return values(responseHeaders, "set-cookie").size(); }
};

static_assert(std::is_nothrow_move_constructible_v<HttpExchange>, "queues of exchanges must move, not copy");

using HttpExchangePtr = std::shared_ptr<const HttpExchange>;

} // namespace CookieLab
