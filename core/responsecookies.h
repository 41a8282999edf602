// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace CookieLab
{

/**
 * The cookie half of the documented response API, so routes read like the documentation:
 * `cookies.setCookie({.key = "user_id", .value = "12345", .maxAge = 3600, ...})`.
 * Each call adds one Set-Cookie value or, for bad input, an error and nothing else.
 */
class ResponseCookies final
{
public:
    static constexpr qint64 PermanentSeconds = 3650LL * 24 * 60 * 60; ///< "10 years"

    /** nowMsecs: the clock used for Expires of permanent cookies. */
    explicit ResponseCookies(qint64 nowMsecs);

    ResponseCookies &setCookie(const CookieOptions &options);
    /** An expired cookie with the same name (and the scope/flags given, so prefixed cookies can be deleted). */
    ResponseCookies &deleteCookie(const QByteArray &key, const QByteArray &path = QByteArrayLiteral("/"), const QByteArray &domain = {},
        bool secure = false, bool httpOnly = false, const QByteArray &sameSite = QByteArrayLiteral("lax"));
    /** Max-Age=315360000 and Expires now + 3650 days, other options as given. */
    ResponseCookies &setPermanentCookie(const QByteArray &key, const QByteArray &value);
    ResponseCookies &setPermanentCookie(CookieOptions options);
    ResponseCookies &setCookies(const QList<CookieOptions> &cookies);

    const QList<QByteArray> &headers() const { return m_headers; }
    const QStringList &errors() const { return m_errors; }
    bool ok() const { return m_errors.isEmpty(); }

private:
    qint64 m_now;
    QList<QByteArray> m_headers;
    QStringList m_errors;
};

} // namespace CookieLab
