// SPDX-License-Identifier: MIT
#pragma once

#include "app/serverreply.h"
#include "app/serverrequest.h"
#include "core/userstore.h"

#include <QList>
#include <QString>

#include <functional>

namespace CookieLab
{

class RouteCookiePolicy;
class VulnerabilitySwitches;
class SessionManager;

/**
 * The routes of the documented cookie API (/, /set-cookie, /logout, /remember-me, /multi-cookie,
 * /login, /protected) plus httpbin-style helpers, as plain request → reply functions.
 */
class CookieRoutes final
{
public:
    static constexpr qsizetype MaxBodySize = qsizetype(1024) * 1024;

    struct Route
    {
        QByteArray method;
        QByteArray path;
        QString description;
    };

    CookieRoutes(RouteCookiePolicy &policy, SessionManager &sessions, VulnerabilitySwitches &switches, UserStore users);

    /** The cookie that tells workshop attendees' browsers apart (set by the /lab/ pages). */
    static constexpr QByteArrayView AttendeeCookie = "cookielab_attendee";

    ServerReply handle(const ServerRequest &request);
    static const QList<Route> &routes();
    void setClock(std::function<qint64()> msecsSinceEpoch) { m_clock = std::move(msecsSinceEpoch); }
    /** The Set-Cookie values a route sends now (a placeholder token for /login). */
    QList<QByteArray> previewCookies(QByteArrayView route) const;

private:
    using Handler = ServerReply (CookieRoutes::*)(const ServerRequest &);

    ServerReply home(const ServerRequest &request);
    ServerReply setCookie(const ServerRequest &request);
    ServerReply logout(const ServerRequest &request);
    ServerReply rememberMe(const ServerRequest &request);
    ServerReply multiCookie(const ServerRequest &request);
    ServerReply login(const ServerRequest &request);
    ServerReply protectedRoute(const ServerRequest &request);
    ServerReply echoCookies(const ServerRequest &request);
    ServerReply setCookiesFromQuery(const ServerRequest &request);
    ServerReply deleteCookiesFromQuery(const ServerRequest &request);
    ServerReply responseHeaders(const ServerRequest &request);
    ServerReply routeTable(const ServerRequest &request);
    ServerReply admin(const ServerRequest &request);
    ServerReply labPage(const ServerRequest &request);
    ServerReply labSwitches(const ServerRequest &request);
    ServerReply setSwitches(const ServerRequest &request);
    ServerReply sameSiteSetup(const ServerRequest &request);

    /** The cookies the policy (and the vulnerability switches) say a route emits for a request to host; token fills a session-token cookie.
     */
    QList<QByteArray> routeCookies(QByteArrayView route, const QByteArray &token, const QByteArray &host, QString *error) const;
    ServerReply withRouteCookies(ServerReply reply, const ServerRequest &request, QByteArrayView route, const QByteArray &token = {}) const;
    static Handler handlerFor(QByteArrayView method, QByteArrayView path);

    RouteCookiePolicy &m_policy;
    SessionManager &m_sessions;
    VulnerabilitySwitches &m_switches;
    UserStore m_users;
    std::function<qint64()> m_clock;
};

} // namespace CookieLab
