// SPDX-License-Identifier: MIT
#pragma once

#include "core/setcookie.h"

#include <QByteArrayView>

namespace CookieLab
{

/** Parses Set-Cookie header values (RFC 6265bis §5.6). Never throws; bad input yields diagnostics. */
class SetCookieParser final
{
public:
    static constexpr qsizetype MaxNameValueSize = 4096;
    static constexpr qsizetype MaxAttributeValueSize = 1024;
    static constexpr qint64 MaxLifetimeSeconds = 400LL * 24 * 60 * 60;

    SetCookieParser() = delete;

    /** Parses one header value received at nowMsecs (ms since the Unix epoch). */
    static SetCookie parse(const QByteArray &header, qint64 nowMsecs);
    static SetCookie parse(QByteArrayView header, qint64 nowMsecs) { return parse(header.toByteArray(), nowMsecs); }
    static SetCookie parse(const char *header, qint64 nowMsecs) { return parse(QByteArray(header), nowMsecs); }
};

} // namespace CookieLab
