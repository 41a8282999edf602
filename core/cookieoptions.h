// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace CookieLab
{

/** The arguments of the documented `response.set_cookie(...)`, with the documented defaults. */
struct CookieOptions
{
    QByteArray key;
    QByteArray value;
    std::optional<qint64> maxAge; ///< seconds
    std::optional<QDateTime> expires; ///< see expiresAtUnix() for a timestamp
    QByteArray path = QByteArrayLiteral("/");
    QByteArray domain; ///< empty: no Domain attribute (host-only)
    bool secure = false;
    bool httpOnly = false;
    QByteArray sameSite = QByteArrayLiteral("lax"); ///< "lax", "strict", "none" (any case); empty: no attribute
    bool partitioned = false;

    /** Sets expires from a Unix timestamp in seconds. */
    void expiresAtUnix(qint64 seconds) { expires = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC); }
};

} // namespace CookieLab
