// SPDX-License-Identifier: MIT
#include "core/routecookiepolicy.h"

#include "core/responsecookies.h"
#include "core/setcookieserializer.h"

namespace CookieLab
{

namespace
{

RouteCookie make(const char *route, RouteCookie::Kind kind, const char *key, const char *value, std::optional<qint64> maxAge, bool secure,
    bool httpOnly, const char *sameSite, const char *description)
{
    RouteCookie cookie;
    cookie.route = route;
    cookie.id = cookie.route + ' ' + QByteArray(key);
    cookie.kind = kind;
    cookie.options.key = key;
    cookie.options.value = value;
    cookie.options.maxAge = maxAge;
    cookie.options.secure = secure;
    cookie.options.httpOnly = httpOnly;
    cookie.options.sameSite = sameSite;
    cookie.description = QString::fromUtf8(description);
    return cookie;
}

} // namespace

RouteCookiePolicy::RouteCookiePolicy(QObject *parent)
    : QObject(parent)
    , m_cookies(documentedDefaults())
{
}

RouteCookiePolicy::~RouteCookiePolicy() = default;

QList<RouteCookie> RouteCookiePolicy::documentedDefaults()
{
    using Kind = RouteCookie::Kind;
    RouteCookie remember = make("/remember-me", Kind::Fixed, "remember_me", "true", ResponseCookies::PermanentSeconds, false, false, "lax",
        "set_permanent_cookie: 10 years (browsers cap it at 400 days)");
    remember.expiresIn = ResponseCookies::PermanentSeconds;
    return {
        make("/set-cookie", Kind::Fixed, "user_id", "12345", 3600, true, true, "lax", "set_cookie with max_age=3600, httponly, secure"),
        make("/login", Kind::SessionToken, "auth_token", "", 86400, true, true, "strict", "the session token issued at login"),
        make("/logout", Kind::Deletion, "auth_token", "", std::nullopt, false, false, "lax", "delete_cookie(\"auth_token\")"),
        make("/protected", Kind::Deletion, "auth_token", "", std::nullopt, false, false, "lax", "deletes an invalid or expired token"),
        remember,
        make("/multi-cookie", Kind::Fixed, "user", "john", 3600, false, false, "lax", "set_cookies: first cookie"),
        make("/multi-cookie", Kind::Fixed, "theme", "dark", 86400, false, false, "lax", "set_cookies: second cookie"),
    };
}

QList<RouteCookie> RouteCookiePolicy::cookies() const
{
    QMutexLocker locker(&m_mutex);
    return m_cookies;
}

QList<RouteCookie> RouteCookiePolicy::cookiesForRoute(QByteArrayView route) const
{
    QMutexLocker locker(&m_mutex);
    QList<RouteCookie> result;
    for (const RouteCookie &cookie : m_cookies) {
        if (cookie.route == route)
            result.append(cookie);
    }
    return result;
}

std::optional<RouteCookie> RouteCookiePolicy::cookie(QByteArrayView id) const
{
    QMutexLocker locker(&m_mutex);
    for (const RouteCookie &cookie : m_cookies) {
        if (cookie.id == id)
            return cookie;
    }
    return std::nullopt;
}

QString RouteCookiePolicy::validate(const RouteCookie &cookie)
{
    CookieOptions options = cookie.options;
    if (cookie.kind == RouteCookie::Kind::SessionToken)
        options.value = "token";
    if (cookie.expiresIn
        && (*cookie.expiresIn < -ResponseCookies::PermanentSeconds * 10 || *cookie.expiresIn > ResponseCookies::PermanentSeconds * 10))
        return QStringLiteral("Expires offset %1 s is out of range.").arg(*cookie.expiresIn);
    return SetCookieSerializer::serialize(options).error;
}

QString RouteCookiePolicy::update(const RouteCookie &cookie)
{
    if (QString error = validate(cookie); !error.isEmpty())
        return error;
    {
        QMutexLocker locker(&m_mutex);
        auto it = std::find_if(m_cookies.begin(), m_cookies.end(), [&](const RouteCookie &c) { return c.id == cookie.id; });
        if (it == m_cookies.end())
            return QStringLiteral("No route cookie \"%1\".").arg(QString::fromUtf8(cookie.id));
        RouteCookie updated = cookie;
        updated.route = it->route;
        updated.kind = it->kind;
        updated.options.key = it->options.key;
        *it = updated;
    }
    Q_EMIT changed(cookie.id);
    return {};
}

void RouteCookiePolicy::reset()
{
    {
        QMutexLocker locker(&m_mutex);
        m_cookies = documentedDefaults();
    }
    Q_EMIT changed({});
}

void RouteCookiePolicy::reset(QByteArrayView id)
{
    for (const RouteCookie &original : documentedDefaults()) {
        if (original.id == id) {
            {
                QMutexLocker locker(&m_mutex);
                for (RouteCookie &cookie : m_cookies) {
                    if (cookie.id == id)
                        cookie = original;
                }
            }
            Q_EMIT changed(original.id);
            return;
        }
    }
}

} // namespace CookieLab
