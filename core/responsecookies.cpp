// SPDX-License-Identifier: MIT
#include "core/responsecookies.h"

#include "core/setcookieserializer.h"

namespace CookieLab
{

ResponseCookies::ResponseCookies(qint64 nowMsecs)
    : m_now(nowMsecs)
{
}

ResponseCookies &ResponseCookies::setCookie(const CookieOptions &options)
{
    const SetCookieSerializer::Result result = SetCookieSerializer::serialize(options);
    if (result.ok())
        m_headers.append(result.header);
    else
        m_errors.append(QStringLiteral("Cookie \"%1\": %2").arg(QString::fromUtf8(options.key), result.error));
    return *this;
}

ResponseCookies &ResponseCookies::deleteCookie(
    const QByteArray &key, const QByteArray &path, const QByteArray &domain, bool secure, bool httpOnly, const QByteArray &sameSite)
{
    CookieOptions options;
    options.key = key;
    options.maxAge = 0;
    options.expires = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    options.path = path;
    options.domain = domain;
    options.secure = secure;
    options.httpOnly = httpOnly;
    options.sameSite = sameSite;
    return setCookie(options);
}

ResponseCookies &ResponseCookies::setPermanentCookie(const QByteArray &key, const QByteArray &value)
{
    CookieOptions options;
    options.key = key;
    options.value = value;
    return setPermanentCookie(std::move(options));
}

ResponseCookies &ResponseCookies::setPermanentCookie(CookieOptions options)
{
    options.maxAge = PermanentSeconds;
    options.expires = QDateTime::fromMSecsSinceEpoch(m_now + PermanentSeconds * 1000, Qt::UTC);
    return setCookie(options);
}

ResponseCookies &ResponseCookies::setCookies(const QList<CookieOptions> &cookies)
{
    for (const CookieOptions &options : cookies)
        setCookie(options);
    return *this;
}

} // namespace CookieLab
