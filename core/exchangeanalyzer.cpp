// SPDX-License-Identifier: MIT
#include "core/exchangeanalyzer.h"

#include "core/hostname.h"
#include "core/httpsyntax.h"
#include "core/publicsuffixlist.h"
#include "core/requestcookies.h"

namespace CookieLab
{

namespace
{

Finding exchangeFinding(
    Rule rule, Severity severity, const QByteArray &name, const QByteArray &origin, QByteArray detail = {}, qint64 number = 0)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.subject = Finding::makeSubject(name, {}, origin);
    f.detail = std::move(detail);
    f.number = number;
    return f;
}

QByteArray scopeOf(const StoredCookie &cookie)
{
    QByteArray scope = cookie.hostOnly ? QByteArrayLiteral("host-only ") : QByteArrayLiteral("Domain=");
    return scope.append(cookie.domain).append(", Path=").append(cookie.path);
}

// Sequential numbers, or values that embed the issue time.
QByteArray predictability(const QList<QByteArray> &values, qint64 nowMsecs)
{
    const QByteArray &latest = values.last();
    const QByteArray seconds = QByteArray::number(nowMsecs / 1000).left(7); // same ~3 hours
    const QByteArray msecs = QByteArray::number(nowMsecs).left(8);
    if (latest.contains(seconds) || latest.contains(msecs))
        return "the value embeds the time it was issued (" + latest + ")";
    if (values.size() < 3)
        return {};
    QList<qint64> numbers;
    for (const QByteArray &v : values.last(3)) {
        QByteArray digits;
        for (char c : v) {
            if (c >= '0' && c <= '9')
                digits += c;
        }
        bool ok = false;
        const qint64 n = digits.right(15).toLongLong(&ok);
        if (!ok || digits.size() * 2 < v.size())
            return {};
        numbers.append(n);
    }
    const qint64 step = numbers[1] - numbers[0];
    if (step != 0 && qAbs(step) <= 1000 && numbers[2] - numbers[1] == step)
        return "successive values " + values.last(3).join(", ") + " differ by a constant step";
    return {};
}

} // namespace

ExchangeAnalyzer::ExchangeAnalyzer() = default;
ExchangeAnalyzer::~ExchangeAnalyzer() = default;

CookieJar &ExchangeAnalyzer::jarFor(const QString &client)
{
    auto it = m_jars.find(client);
    if (it == m_jars.end()) {
        if (m_jars.size() >= MaxClients)
            m_jars.clear();
        auto jar = std::make_shared<CookieJar>();
        jar->setClock([this] { return m_clock; });
        it = m_jars.insert(client, jar);
    }
    return **it;
}

void ExchangeAnalyzer::reset()
{
    m_jars.clear();
    m_lastByClient.clear();
    m_hstsHosts.clear();
    m_sessionValues.clear();
    m_issuedByName.clear();
    m_sessionSchemes.clear();
}

QByteArray ExchangeAnalyzer::repeatKey(const HttpExchange &exchange)
{
    QByteArray key = exchange.method;
    key += ' ';
    key += exchange.url.toEncoded();
    key += ' ';
    key += QByteArray::number(exchange.status);
    static const QByteArrayList requestHeaders = {"cookie", "origin", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "content-type"};
    for (const auto &[name, value] : exchange.requestHeaders) {
        if (requestHeaders.contains(name.toLower()))
            key += '\n' + name + ':' + value;
    }
    static const QByteArrayList responseHeaders = {"set-cookie", "set-cookie2", "cache-control", "location", "strict-transport-security"};
    for (const auto &[name, value] : exchange.responseHeaders) {
        if (responseHeaders.contains(name.toLower()))
            key += '\n' + name + ':' + value;
    }
    key += "\n\n" + exchange.requestBody;
    return key;
}

QList<Finding> ExchangeAnalyzer::analyze(const HttpExchange &exchange)
{
    // A load generator repeats one request: when nothing the rules read has changed, neither has
    // the client's jar (re-storing identical cookies), so the findings are the same.
    QByteArray key = repeatKey(exchange);
    Repeat &last = m_lastByClient[exchange.clientAddress];
    if (last.key == key && exchange.startedAt >= last.at && exchange.startedAt - last.at < 1000) {
        m_clock = exchange.startedAt;
        return last.findings;
    }
    QList<Finding> findings = analyzeFresh(exchange);
    if (m_lastByClient.size() > MaxClients)
        m_lastByClient.clear();
    m_lastByClient[exchange.clientAddress] = {std::move(key), findings, exchange.startedAt};
    return findings;
}

QList<Finding> ExchangeAnalyzer::analyzeFresh(const HttpExchange &exchange)
{
    m_clock = exchange.startedAt;
    // Fast path: a safe request whose response sets no cookie, outside login and logout, raises
    // nothing; only an HSTS header needs remembering.
    if (HttpSyntax::isSafeMethod(exchange.method) && HttpExchange::values(exchange.responseHeaders, "set-cookie").isEmpty()
        && HttpExchange::values(exchange.responseHeaders, "set-cookie2").isEmpty()) {
        const QByteArray path = exchange.path();
        RouteInfo info;
        if (m_routes)
            info = m_routes(exchange.method, path);
        const auto role = info.role != AnalysisContext::Role::Unknown ? info.role : AnalysisContext::guessRole(exchange.method, path);
        if (role == AnalysisContext::Role::Unknown) {
            if (exchange.url.scheme() == QLatin1String("https")
                && !HttpExchange::values(exchange.responseHeaders, "strict-transport-security").isEmpty())
                m_hstsHosts.insert(HostName::canonicalHost(exchange.url));
            return {};
        }
    }
    AnalysisContext context = AnalysisContext::fromExchange(exchange);
    const QByteArray path = exchange.path();
    if (m_routes) {
        const RouteInfo info = m_routes(exchange.method, path);
        if (info.role != AnalysisContext::Role::Unknown)
            context.role = info.role;
        context.stateChangingGetPaths = info.stateChangingGetPaths;
    }
    const QByteArray host = HostName::canonicalHost(exchange.url);
    if (context.hsts)
        m_hstsHosts.insert(host);
    context.hsts = m_hstsHosts.contains(host);
    CookieJar &jar = jarFor(exchange.clientAddress);
    context.jar = &jar;

    const QList<SetCookie> cookies = exchange.setCookies();
    const CookieAnalyzer analyzer(context);
    QList<Finding> findings = analyzer.analyzeResponse(cookies);
    const QByteArray origin = exchange.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toEncoded();

    CookieRequestContext requestContext = CookieRequestContext::forUrl(exchange.url);
    requestContext.method = exchange.method;
    const QByteArray fetchSite = HttpExchange::values(exchange.requestHeaders, "sec-fetch-site").value(0).toLower();
    if (fetchSite == "cross-site") {
        requestContext.initiator = QUrl(QStringLiteral("https://cross-site.invalid/"));
        const QByteArray mode = HttpExchange::values(exchange.requestHeaders, "sec-fetch-mode").value(0).toLower();
        requestContext.topLevelNavigation = mode.isEmpty() || mode == "navigate";
    }

    const bool succeeded = exchange.status >= 200 && exchange.status < 400;
    const bool login = context.role == AnalysisContext::Role::Login && succeeded;
    const RequestCookies sent = RequestCookies::parse(exchange.requestCookieHeaders());
    // What the client's jar sent, before this response changed it: needed by CK067 and CK130 only.
    bool hasDeletion = false;
    for (const SetCookie &cookie : cookies)
        hasDeletion = hasDeletion || (!cookie.isIgnored() && cookie.isDeletion());
    const QList<CookieInclusion> before
        = hasDeletion || !HttpSyntax::isSafeMethod(exchange.method) ? jar.includedCookies(requestContext) : QList<CookieInclusion>();

    // Session cookies the client sent, and what the response did to them.
    for (const CookiePair &pair : sent.pairs()) {
        if (!CookieAnalyzer::isSessionLike(pair.name, pair.value, false))
            continue;
        bool reissued = false, deleted = false, sameValue = false;
        for (const SetCookie &cookie : cookies) {
            if (cookie.name != pair.name || cookie.isIgnored())
                continue;
            deleted = deleted || cookie.isDeletion();
            reissued = reissued || !cookie.isDeletion();
            sameValue = sameValue || (!cookie.isDeletion() && cookie.value == pair.value);
        }
        if (login && (!reissued || sameValue))
            findings.append(exchangeFinding(
                Rule::CK120, Severity::High, pair.name, origin, sameValue ? "the same value was issued again" : "no new value was issued"));
        if (context.role == AnalysisContext::Role::PrivilegeChange && succeeded && !reissued)
            findings.append(exchangeFinding(Rule::CK122, Severity::Medium, pair.name, origin));
        if (context.role == AnalysisContext::Role::Logout && !deleted)
            findings.append(exchangeFinding(Rule::CK123, Severity::Low, pair.name, origin));
        // CK130: an unsafe request authorised by an ambient SameSite=None session cookie.
        if (!HttpSyntax::isSafeMethod(exchange.method)) {
            bool ambient = false;
            for (const CookieInclusion &inclusion : before) {
                ambient = ambient || (inclusion.cookie.name == pair.name && inclusion.cookie.sameSite == SameSite::None);
            }
            bool defended = !HttpExchange::values(exchange.requestHeaders, "origin").isEmpty()
                || !HttpExchange::values(exchange.requestHeaders, "sec-fetch-site").isEmpty() || exchange.requestBody.contains("csrf")
                || exchange.requestBody.contains("xsrf");
            for (const auto &header : exchange.requestHeaders)
                defended = defended || header.first.toLower().contains("csrf") || header.first.toLower().contains("xsrf");
            if (ambient && !defended)
                findings.append(exchangeFinding(Rule::CK130, Severity::Medium, pair.name, origin, exchange.method + " SameSite=None"));
        }
    }

    // Store every cookie as the client's browser would, with the jar's own reasons.
    for (int i = 0; i < cookies.size(); ++i) {
        const SetCookie &cookie = cookies.at(i);
        if (cookie.isIgnored())
            continue;
        if (cookie.isDeletion()) {
            // CK067: the stored cookies this deletion was meant for keep living when the scope differs.
            QByteArrayList survivors;
            bool exact = false;
            const QByteArray deletionPath = cookie.effectivePath(HostName::requestPath(exchange.url));
            const bool deletionHostOnly = !cookie.hasDomain || cookie.domain.isEmpty();
            const QByteArray deletionDomain = deletionHostOnly ? host : cookie.domain;
            for (const CookieInclusion &inclusion : before) {
                const StoredCookie &stored = inclusion.cookie;
                if (stored.name != cookie.name)
                    continue;
                if (stored.path == deletionPath && stored.hostOnly == deletionHostOnly && stored.domain == deletionDomain)
                    exact = true;
                else
                    survivors.append(scopeOf(stored));
            }
            if (!exact && !survivors.isEmpty()) {
                Finding f = exchangeFinding(Rule::CK067, context.role == AnalysisContext::Role::Logout ? Severity::Medium : Severity::Low,
                    cookie.name, origin, survivors.join("; "));
                f.cookieIndex = i;
                f.subject = Finding::makeSubject(cookie.name, cookie.header, origin);
                f.span = {0, cookie.header.size()};
                findings.append(f);
            }
        }
        const CookieStoreOutcome outcome = jar.storeParsed(cookie, requestContext);
        if (outcome.reason == CookieStoreOutcome::Reason::OverwriteSecure) {
            Finding f = exchangeFinding(Rule::CK005, Severity::Medium, cookie.name, origin);
            f.cookieIndex = i;
            f.subject = Finding::makeSubject(cookie.name, cookie.header, origin);
            f.span = {0, cookie.header.size()};
            findings.append(f);
        }

        if (cookie.isDeletion() || !outcome.isStored() || !CookieAnalyzer::isSessionLike(cookie.name, cookie.value, login))
            continue;
        // CK127: one session value for two clients.
        if (cookie.value.size() >= 8) {
            const auto issued = m_sessionValues.constFind(cookie.value);
            if (issued != m_sessionValues.cend() && issued->client != exchange.clientAddress) {
                Finding f = exchangeFinding(Rule::CK127, Severity::High, cookie.name, origin, issued->client.toUtf8());
                f.cookieIndex = i;
                f.subject = Finding::makeSubject(cookie.name, cookie.header, origin);
                f.span = cookie.valueSpan;
                findings.append(f);
            } else if (issued == m_sessionValues.cend()) {
                if (m_sessionValues.size() >= MaxTrackedValues)
                    m_sessionValues.clear();
                m_sessionValues.insert(cookie.value, {exchange.clientAddress, exchange.id});
            }
        }
        // CK106 across issuances: sequential or time-derived values.
        QList<QByteArray> &history = m_issuedByName[cookie.name];
        history.append(cookie.value);
        if (history.size() > 5)
            history.removeFirst();
        const QByteArray pattern = predictability(history, exchange.startedAt);
        if (!pattern.isEmpty()) {
            Finding f = exchangeFinding(Rule::CK106, Severity::High, cookie.name, origin, pattern, 1);
            f.cookieIndex = i;
            f.subject = Finding::makeSubject(cookie.name, cookie.header, origin);
            f.span = cookie.valueSpan;
            findings.append(f);
        }
        // CK125: the same session cookie over http and https.
        QSet<QByteArray> &schemes = m_sessionSchemes[host + ' ' + cookie.name];
        schemes.insert(exchange.url.scheme().toLatin1());
        if (schemes.contains("http") && schemes.contains("https") && !HostName::isLoopbackHost(host))
            findings.append(exchangeFinding(Rule::CK125, Severity::Medium, cookie.name, origin, host));
    }

    if (cookies.isEmpty())
        return findings;
    // After storing: shadowing and pressure.
    const QList<CookieInclusion> after = jar.includedCookies(requestContext);
    QSet<QByteArray> reported;
    for (const SetCookie &cookie : cookies) {
        if (cookie.isIgnored() || reported.contains(cookie.name))
            continue;
        // Both would be sent to some URL: try the paths of every stored cookie of that name.
        QByteArrayList paths;
        jar.forEachCookie([&](const StoredCookie &stored) {
            if (stored.name == cookie.name && !paths.contains(stored.path))
                paths.append(stored.path);
        });
        QByteArrayList scopes;
        for (const QByteArray &path : std::as_const(paths)) {
            CookieRequestContext atPath = requestContext;
            atPath.url.setPath(QString::fromUtf8(path));
            QByteArrayList here;
            for (const CookieInclusion &inclusion : path == requestContext.url.path().toUtf8() ? after : jar.includedCookies(atPath)) {
                if (inclusion.cookie.name == cookie.name)
                    here.append(scopeOf(inclusion.cookie));
            }
            if (here.size() > scopes.size())
                scopes = here;
        }
        if (scopes.size() >= 2) {
            reported.insert(cookie.name);
            const bool sensitive
                = CookieAnalyzer::isSessionLike(cookie.name, cookie.value, login) || CookieAnalyzer::isAntiCsrf(cookie.name);
            findings.append(exchangeFinding(
                Rule::CK124, sensitive ? Severity::Medium : Severity::Low, cookie.name, origin, scopes.join("; "), scopes.size()));
        }
    }
    {
        QByteArray site = PublicSuffixList::instance().registrableDomain(host);
        if (site.isEmpty())
            site = host;
        qsizetype perSite = 0, headerBytes = 0;
        QHash<QByteArray, QPair<qsizetype, qsizetype>> partitions; // key → (count, bytes)
        bool setsPartitioned = false;
        for (const SetCookie &cookie : cookies)
            setsPartitioned = setsPartitioned || cookie.partitioned;
        const QByteArray dotSite = '.' + site;
        jar.forEachCookie([&](const StoredCookie &stored) {
            if (stored.domain == site || stored.domain.endsWith(dotSite))
                ++perSite;
            if (setsPartitioned && stored.partitioned) {
                auto &budget = partitions[stored.partitionKey + ' ' + stored.domain];
                ++budget.first;
                budget.second += stored.size();
            }
        });
        for (const CookieInclusion &inclusion : after)
            headerBytes += inclusion.cookie.size() + (inclusion.cookie.name.isEmpty() ? 0 : 1) + 2;
        if (perSite > 50 || jar.size() > 3000)
            findings.append(exchangeFinding(
                Rule::CK082, perSite > 180 || jar.size() > 3000 ? Severity::Low : Severity::Info, {}, origin, site, perSite));
        if (headerBytes > 8192)
            findings.append(exchangeFinding(Rule::CK083, Severity::Low, {}, origin, {}, headerBytes));
        for (auto it = partitions.cbegin(); it != partitions.cend(); ++it) {
            if (it->first > 180 || it->second > 10240)
                findings.append(exchangeFinding(Rule::CK084, Severity::Info, {}, origin, it.key(), it->second));
        }
    }
    return findings;
}

} // namespace CookieLab
