// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace CookieLab
{

/** The cookie-date algorithm of RFC 6265bis §5.1.1 and the IMF-fixdate form servers should send. */
class CookieDate final
{
public:
    CookieDate() = delete;

    /** Milliseconds since the Unix epoch (UTC), or nothing when the text is not a cookie date. */
    static std::optional<qint64> parse(QByteArrayView text);

    /** True when the text is exactly an IMF-fixdate (RFC 9110 §5.6.7), e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
    static bool isImfFixdate(QByteArrayView text);

    /** Formats a UTC instant as an IMF-fixdate. */
    static QByteArray toImfFixdate(qint64 msecsSinceEpoch);

    /** Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
    static qint64 daysFromCivil(int year, int month, int day);
};

} // namespace CookieLab
