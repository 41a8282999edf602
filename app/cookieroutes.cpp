// SPDX-License-Identifier: MIT
#include "app/cookieroutes.h"

#include "core/hostname.h"
#include "core/httpsyntax.h"
#include "core/publicsuffixlist.h"
#include "core/responsecookies.h"
#include "core/routecookiepolicy.h"
#include "core/securebytes.h"
#include "core/sessionmanager.h"
#include "core/vulnerabilityswitches.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CookieLab
{

namespace
{

QString describeLineBreak(QByteArrayView value)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == '\r')
            return QStringLiteral("CR at byte %1").arg(i);
        if (value[i] == '\n')
            return QStringLiteral("LF at byte %1").arg(i);
        if (value[i] == '\0')
            return QStringLiteral("NUL at byte %1").arg(i);
    }
    return {};
}

QJsonValue jsonText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// The parent of app.cookielab.localhost is cookielab.localhost; IP addresses, single labels and
// names whose parent is a public suffix have none (empty: the cookie stays host-only).
QByteArray parentDomain(const QByteArray &host)
{
    const qsizetype dot = host.indexOf('.');
    if (host.isEmpty() || dot < 0 || !QHostAddress(QString::fromLatin1(host)).isNull())
        return {};
    const QByteArray parent = host.mid(dot + 1);
    return parent.contains('.') && !PublicSuffixList::instance().isPublicSuffix(parent) ? parent : QByteArray();
}

QByteArray contentTypeFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".css")))
        return "text/css; charset=utf-8";
    if (path.endsWith(QLatin1String(".js")))
        return "text/javascript; charset=utf-8";
    if (path.endsWith(QLatin1String(".svg")))
        return "image/svg+xml";
    return "text/html; charset=utf-8";
}

} // namespace

CookieRoutes::CookieRoutes(RouteCookiePolicy &policy, SessionManager &sessions, VulnerabilitySwitches &switches, UserStore users)
    : m_policy(policy)
    , m_sessions(sessions)
    , m_switches(switches)
    , m_users(std::move(users))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

const QList<CookieRoutes::Route> &CookieRoutes::routes()
{
    static const QList<Route> table = {
        {"GET", "/", QStringLiteral("Returns the auth_token cookie the request carried (request.cookies).")},
        {"GET", "/set-cookie", QStringLiteral("Sets user_id with Max-Age=3600, HttpOnly and Secure.")},
        {"GET", "/logout", QStringLiteral("Deletes auth_token and ends the server-side session.")},
        {"GET", "/remember-me", QStringLiteral("Sets remember_me for 10 years (a permanent cookie).")},
        {"GET", "/multi-cookie", QStringLiteral("Sets two cookies, user and theme, in one response.")},
        {"POST", "/login", QStringLiteral("Checks {\"username\", \"password\"} and sets a fresh auth_token.")},
        {"GET", "/protected", QStringLiteral("Welcomes the user of a valid auth_token; 401 otherwise.")},
        {"GET", "/cookies", QStringLiteral("Echoes the cookies the request carried (httpbin).")},
        {"GET", "/cookies/set", QStringLiteral("Sets each query parameter as a cookie, then redirects to /cookies (httpbin).")},
        {"GET", "/cookies/delete", QStringLiteral("Deletes each named cookie, then redirects to /cookies (httpbin).")},
        {"GET", "/response-headers",
            QStringLiteral("Sends back the headers given as query parameters, e.g. ?Set-Cookie=a%3D1 (repeatable).")},
        {"GET", "/routes", QStringLiteral("Lists the routes and the cookies each one sets.")},
        {"GET", "/admin", QStringLiteral("The admin panel: for nobody, unless the client-role-cookie switch makes it trust role=admin.")},
        {"GET", "/lab/", QStringLiteral("Browser lab pages: document.cookie, a login form, a protected page, an attacker page.")},
        {"GET", "/lab/samesite-setup",
            QStringLiteral("Sets one cookie per SameSite mode (Strict, Lax, None, unset) for the cross-site lab.")},
        {"GET", "/lab/echo", QStringLiteral("Echoes the cookies a request carried, like /cookies (the cross-site lab's target).")},
        {"POST", "/lab/echo", QStringLiteral("The same for a form posted from another site.")},
        {"GET", "/lab/switches", QStringLiteral("Lists the vulnerability switches and which are on.")},
        {"POST", "/lab/switches",
            QStringLiteral("Turns switches on or off (JSON, from the instructor's machine only): {\"script-readable-token\": true, …}.")},
    };
    return table;
}

CookieRoutes::Handler CookieRoutes::handlerFor(QByteArrayView method, QByteArrayView path)
{
    static const QHash<QByteArray, Handler> handlers = {
        {"GET /", &CookieRoutes::home},
        {"GET /set-cookie", &CookieRoutes::setCookie},
        {"GET /logout", &CookieRoutes::logout},
        {"GET /remember-me", &CookieRoutes::rememberMe},
        {"GET /multi-cookie", &CookieRoutes::multiCookie},
        {"POST /login", &CookieRoutes::login},
        {"GET /protected", &CookieRoutes::protectedRoute},
        {"GET /cookies", &CookieRoutes::echoCookies},
        {"GET /cookies/set", &CookieRoutes::setCookiesFromQuery},
        {"GET /cookies/delete", &CookieRoutes::deleteCookiesFromQuery},
        {"GET /response-headers", &CookieRoutes::responseHeaders},
        {"GET /routes", &CookieRoutes::routeTable},
        {"GET /admin", &CookieRoutes::admin},
        {"GET /lab/samesite-setup", &CookieRoutes::sameSiteSetup},
        {"GET /lab/echo", &CookieRoutes::echoCookies},
        {"POST /lab/echo", &CookieRoutes::echoCookies},
        {"GET /lab/switches", &CookieRoutes::labSwitches},
        {"POST /lab/switches", &CookieRoutes::setSwitches},
    };
    QByteArray key = (method == "HEAD" ? QByteArrayView("GET") : method).toByteArray();
    key += ' ';
    key += path;
    return handlers.value(key, nullptr);
}

ServerReply CookieRoutes::handle(const ServerRequest &request)
{
    if (request.body.size() > MaxBodySize)
        return ServerReply::error(
            413, QStringLiteral("Request body is %1 bytes; the limit is %2 bytes.").arg(request.body.size()).arg(MaxBodySize));
    const QByteArray path = request.path();
    if (const Handler handler = handlerFor(request.method, path))
        return (this->*handler)(request);
    if (path.startsWith("/lab/") && (request.method == "GET" || request.method == "HEAD"))
        return labPage(request);

    QByteArrayList allowed;
    for (const Route &route : routes()) {
        if (route.path == path)
            allowed.append(route.method);
    }
    if (allowed.isEmpty())
        return ServerReply::error(404, QStringLiteral("Not found"));
    ServerReply reply = ServerReply::error(405,
        QStringLiteral("Method %1 is not allowed on %2; use %3.")
            .arg(QString::fromLatin1(request.method), QString::fromLatin1(path), QString::fromLatin1(allowed.join(", "))));
    return reply.addHeader("Allow", allowed.join(", "));
}

QList<QByteArray> CookieRoutes::routeCookies(QByteArrayView route, const QByteArray &token, const QByteArray &host, QString *error) const
{
    const qint64 now = m_clock();
    ResponseCookies cookies(now);
    for (const RouteCookie &cookie : m_policy.cookiesForRoute(route)) {
        CookieOptions options = cookie.options;
        if (cookie.kind == RouteCookie::Kind::SessionToken) {
            if (m_switches.isOn(Vulnerability::ScriptReadableToken))
                options.httpOnly = false;
            if (m_switches.isOn(Vulnerability::SameSiteNoneSession)) {
                options.sameSite = "none";
                options.secure = true;
            }
            if (m_switches.isOn(Vulnerability::ParentDomainCookie))
                options.domain = parentDomain(host);
        }
        if (cookie.expiresIn)
            options.expires = QDateTime::fromMSecsSinceEpoch(now + *cookie.expiresIn * 1000, Qt::UTC);
        switch (cookie.kind) {
        case RouteCookie::Kind::SessionToken: options.value = token; Q_FALLTHROUGH();
        case RouteCookie::Kind::Fixed: cookies.setCookie(options); break;
        case RouteCookie::Kind::Deletion:
            cookies.deleteCookie(options.key, options.path, options.domain, options.secure, options.httpOnly, options.sameSite);
            break;
        }
    }
    if (error)
        *error = cookies.errors().join(u' ');
    return cookies.headers();
}

QList<QByteArray> CookieRoutes::previewCookies(QByteArrayView route) const
{
    return routeCookies(route, "<token>", {}, nullptr);
}

ServerReply CookieRoutes::withRouteCookies(
    ServerReply reply, const ServerRequest &request, QByteArrayView route, const QByteArray &token) const
{
    QString error;
    const QList<QByteArray> cookies = routeCookies(route, token, HostName::canonicalHost(request.url), &error);
    if (!error.isEmpty())
        return ServerReply::error(500, QStringLiteral("The cookie policy of %1 is invalid: %2").arg(QString::fromLatin1(route), error));
    return reply.addSetCookies(cookies);
}

ServerReply CookieRoutes::home(const ServerRequest &request)
{
    const auto token = request.cookies().value("auth_token");
    return ServerReply::json(200, QJsonObject{{QStringLiteral("token"), token ? jsonText(*token) : QJsonValue(QJsonValue::Null)}});
}

ServerReply CookieRoutes::setCookie(const ServerRequest &request)
{
    return withRouteCookies(
        ServerReply::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("Cookie set")}}), request, "/set-cookie");
}

ServerReply CookieRoutes::logout(const ServerRequest &request)
{
    ServerReply reply = ServerReply::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("Logged out")}});
    if (m_switches.isOn(Vulnerability::LogoutKeepsSession))
        return reply;
    if (const auto token = request.cookies().value("auth_token"))
        m_sessions.revoke(*token);
    return withRouteCookies(reply, request, "/logout");
}

ServerReply CookieRoutes::rememberMe(const ServerRequest &request)
{
    return withRouteCookies(ServerReply::text(200, "Cookie set for 10 years"), request, "/remember-me");
}

ServerReply CookieRoutes::multiCookie(const ServerRequest &request)
{
    return withRouteCookies(
        ServerReply::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("Cookies set")}}), request, "/multi-cookie");
}

ServerReply CookieRoutes::login(const ServerRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ServerReply::error(
            400, QStringLiteral("Request body is not valid JSON: %1 at offset %2.").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return ServerReply::error(400, QStringLiteral("Request body must be a JSON object with \"username\" and \"password\"."));
    const QJsonObject body = document.object();
    for (const QString &field : {QStringLiteral("username"), QStringLiteral("password")}) {
        if (!body.contains(field))
            return ServerReply::error(400, QStringLiteral("Missing field \"%1\".").arg(field));
        if (!body.value(field).isString())
            return ServerReply::error(400, QStringLiteral("Field \"%1\" must be a string.").arg(field));
    }
    const QString username = body.value(QLatin1String("username")).toString();
    if (!m_users.verify(username, body.value(QLatin1String("password")).toString().toUtf8()))
        return ServerReply::error(401, QStringLiteral("Invalid credentials"));
    QByteArray token;
    const auto planted = request.cookies().value("auth_token");
    if (m_switches.isOn(Vulnerability::NoRotationAtLogin) && planted && !planted->isEmpty()) {
        token = *planted;
        m_sessions.adopt(token, username);
    } else if (m_switches.isOn(Vulnerability::PredictableTokens)) {
        token = m_sessions.issuePredictable(username);
    } else {
        token = m_sessions.issue(username);
    }
    ServerReply reply = withRouteCookies(
        ServerReply::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("Login successful")}}), request, "/login", token);
    if (m_switches.isOn(Vulnerability::ClientRoleCookie))
        reply.addSetCookies({QByteArrayLiteral("role=user; Path=/; SameSite=Lax")});
    return reply;
}

ServerReply CookieRoutes::protectedRoute(const ServerRequest &request)
{
    const auto token = request.cookies().value("auth_token");
    if (!token || token->isEmpty())
        return ServerReply::error(401, QStringLiteral("Unauthorized"));
    const SessionManager::Verification verification = m_sessions.verify(*token);
    if (!verification.isValid())
        return withRouteCookies(ServerReply::error(401, QStringLiteral("Invalid token")), request, "/protected");
    return ServerReply::json(200, QJsonObject{{QStringLiteral("message"), QStringLiteral("Welcome %1").arg(verification.username)}});
}

ServerReply CookieRoutes::echoCookies(const ServerRequest &request)
{
    QJsonObject byName;
    QJsonArray pairs;
    const RequestCookies cookies = request.cookies();
    for (const CookiePair &pair : cookies.pairs()) {
        const QString name = QString::fromUtf8(pair.name);
        if (!byName.contains(name))
            byName.insert(name, jsonText(pair.value));
        pairs.append(QJsonArray{name, jsonText(pair.value)});
    }
    return ServerReply::json(200, QJsonObject{{QStringLiteral("cookies"), byName}, {QStringLiteral("pairs"), pairs}});
}

ServerReply CookieRoutes::setCookiesFromQuery(const ServerRequest &request)
{
    ResponseCookies cookies(m_clock());
    for (const auto &[name, value] : request.queryItems()) {
        CookieOptions options;
        options.key = name;
        options.value = value;
        cookies.setCookie(options);
    }
    if (!cookies.ok())
        return ServerReply::error(400, cookies.errors().join(u' '));
    return ServerReply::redirect("/cookies").addSetCookies(cookies.headers());
}

ServerReply CookieRoutes::deleteCookiesFromQuery(const ServerRequest &request)
{
    ResponseCookies cookies(m_clock());
    for (const auto &item : request.queryItems())
        cookies.deleteCookie(item.first);
    if (!cookies.ok())
        return ServerReply::error(400, cookies.errors().join(u' '));
    return ServerReply::redirect("/cookies").addSetCookies(cookies.headers());
}

ServerReply CookieRoutes::responseHeaders(const ServerRequest &request)
{
    static const QByteArrayList framing{"content-length", "transfer-encoding", "connection", "content-type"};
    HeaderList extra;
    QJsonObject echo;
    int index = 0;
    for (const auto &[name, value] : request.queryItems()) {
        ++index;
        if (!HttpSyntax::isToken(name))
            return ServerReply::error(
                400, QStringLiteral("Parameter %1: \"%2\" is not a valid header name.").arg(index).arg(QString::fromUtf8(name)));
        if (framing.contains(name.toLower()))
            return ServerReply::error(400,
                QStringLiteral("Parameter %1: %2 is set by the server and cannot be overridden.").arg(index).arg(QString::fromUtf8(name)));
        if (const QString problem = describeLineBreak(value); !problem.isEmpty())
            return ServerReply::error(400,
                QStringLiteral("Parameter %1 (%2) contains %3; header values cannot carry line breaks or NUL.")
                    .arg(index)
                    .arg(QString::fromUtf8(name), problem));
        extra.append({name, value});
        QJsonArray values = echo.value(QString::fromUtf8(name)).toArray();
        values.append(jsonText(value));
        echo.insert(QString::fromUtf8(name), values);
    }
    ServerReply reply = ServerReply::json(200, echo);
    reply.headers.append(extra);
    return reply;
}

ServerReply CookieRoutes::routeTable(const ServerRequest &)
{
    QJsonArray table;
    for (const Route &route : routes()) {
        QJsonArray cookies;
        for (const RouteCookie &cookie : m_policy.cookiesForRoute(route.path)) {
            const QList<QByteArray> preview = routeCookies(route.path, "<token>", {}, nullptr);
            QByteArray line;
            for (const QByteArray &candidate : preview) {
                if (candidate.startsWith(QByteArray(cookie.options.key + '=')))
                    line = candidate;
            }
            cookies.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(cookie.options.key)},
                {QStringLiteral("id"), QString::fromUtf8(cookie.id)}, {QStringLiteral("setCookie"), QString::fromUtf8(line)},
                {QStringLiteral("description"), cookie.description}});
        }
        table.append(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(route.method)},
            {QStringLiteral("path"), QString::fromLatin1(route.path)}, {QStringLiteral("description"), route.description},
            {QStringLiteral("cookies"), cookies}});
    }
    return ServerReply::json(200, table);
}

ServerReply CookieRoutes::admin(const ServerRequest &request)
{
    const auto role = request.cookies().value("role");
    if (m_switches.isOn(Vulnerability::ClientRoleCookie) && role && *role == "admin")
        return ServerReply::json(200, QJsonObject{{QStringLiteral("message"), QStringLiteral("Welcome to the admin panel")}});
    return ServerReply::error(403, QStringLiteral("Forbidden: the admin panel is for administrators"));
}

ServerReply CookieRoutes::labPage(const ServerRequest &request)
{
    QByteArray name = request.path().mid(5);
    if (name.isEmpty())
        name = "index.html";
    if (name.contains("..") || name.contains('/'))
        return ServerReply::error(404, QStringLiteral("Not found"));
    QFile file(QStringLiteral(":/resources/lab/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        return ServerReply::error(404, QStringLiteral("Not found"));
    ServerReply reply;
    reply.status = 200;
    reply.addHeader("Content-Type", contentTypeFor(file.fileName()));
    reply.addHeader("Cache-Control", "no-store");
    reply.body = file.readAll();
    if (!request.cookies().value(AttendeeCookie))
        reply.addSetCookies(
            {AttendeeCookie.toByteArray() + '=' + SecureBytes::random(6).toHex() + "; Path=/; Max-Age=86400; SameSite=Lax"});
    return reply;
}

ServerReply CookieRoutes::labSwitches(const ServerRequest &)
{
    QJsonArray list;
    for (const VulnerabilityInfo &info : VulnerabilitySwitches::all()) {
        QJsonArray rules;
        for (const QString &rule : info.rules)
            rules.append(rule);
        list.append(QJsonObject{{QStringLiteral("id"), QString::fromLatin1(info.id)}, {QStringLiteral("title"), info.title},
            {QStringLiteral("route"), QString::fromLatin1(info.route)}, {QStringLiteral("effect"), info.effect},
            {QStringLiteral("rules"), rules}, {QStringLiteral("lesson"), QString::fromLatin1(info.lesson)},
            {QStringLiteral("on"), m_switches.isOn(info.vulnerability)}});
    }
    return ServerReply::json(200, list);
}

ServerReply CookieRoutes::setSwitches(const ServerRequest &request)
{
    // The switches are the instructor's: attendees on the LAN cannot flip them for the class, and a
    // cross-site form (text/plain or urlencoded) cannot either, since only a JSON request is taken
    // and a cross-origin JSON fetch needs a CORS preflight this server never grants.
    if (!QHostAddress(request.clientAddress).isLoopback())
        return ServerReply::error(403, QStringLiteral("Only the instructor's machine (a loopback client) may change the switches."));
    if (!request.header("Content-Type").toLower().startsWith("application/json"))
        return ServerReply::error(415, QStringLiteral("Send the switches as Content-Type: application/json."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ServerReply::error(400, QStringLiteral("Send a JSON object such as {\"script-readable-token\": true}."));
    const QJsonObject body = document.object();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!VulnerabilitySwitches::fromId(it.key().toLatin1()))
            return ServerReply::error(400, QStringLiteral("No switch is called \"%1\" (GET /lab/switches lists them).").arg(it.key()));
        if (!it.value().isBool())
            return ServerReply::error(400, QStringLiteral("\"%1\" must be true or false.").arg(it.key()));
    }
    for (auto it = body.begin(); it != body.end(); ++it)
        m_switches.set(*VulnerabilitySwitches::fromId(it.key().toLatin1()), it.value().toBool());
    return labSwitches(request);
}

ServerReply CookieRoutes::sameSiteSetup(const ServerRequest &)
{
    return ServerReply::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("SameSite demo cookies set")}})
        .addSetCookies({"strict_demo=1; Path=/; SameSite=Strict", "lax_demo=1; Path=/; SameSite=Lax",
            "none_demo=1; Path=/; Secure; SameSite=None", "unset_demo=1; Path=/"});
}

} // namespace CookieLab
