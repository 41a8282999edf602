// SPDX-License-Identifier: MIT
#include "core/cookieanalyzer.h"

#include "core/cookiedate.h"
#include "core/hostname.h"
#include "core/httpsyntax.h"
#include "core/publicsuffixlist.h"
#include "core/setcookieparser.h"
#include "core/valuedecoder.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>

namespace CookieLab
{

namespace
{

using Kind = SetCookieAttribute::Kind;
using Code = SetCookieDiagnostic::Code;

bool containsInsensitive(QByteArrayView haystack, QByteArrayView needle)
{
    if (needle.size() > haystack.size())
        return false;
    for (qsizetype i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (HttpSyntax::equalsLowerCase(haystack.sliced(i, needle.size()), needle))
            return true;
    }
    return false;
}

bool endsWithInsensitive(QByteArrayView text, QByteArrayView lowerSuffix)
{
    return text.size() >= lowerSuffix.size() && HttpSyntax::equalsLowerCase(text.last(lowerSuffix.size()), lowerSuffix);
}

// ZAP's default session token names plus the catalogue's additions.
bool isSessionName(QByteArrayView name)
{
    static const QByteArrayList exact = {"asp.net_sessionid", "aspsessionid", "siteserver", "cfid", "cftoken", "jsessionid", "phpsessid",
        "sessid", "sid", "viewstate", "zenid", "connect.sid", "jwt"};
    for (const QByteArray &known : exact) {
        if (HttpSyntax::equalsLowerCase(name, known))
            return true;
    }
    return containsInsensitive(name, "sess") || containsInsensitive(name, "login") || containsInsensitive(name, "token")
        || HttpSyntax::startsWithLowerCase(name, "auth") || HttpSyntax::startsWithLowerCase(name, "remember")
        || endsWithInsensitive(name, "_session");
}

bool looksRandom(QByteArrayView value)
{
    // Percent-encoded or spaced text is data, not a token.
    if (value.size() < 16 || value.contains('%') || value.contains(' '))
        return false;
    bool seen[256] = {};
    int distinct = 0;
    bool letters = false, digits = false;
    for (char c : value) {
        const uchar u = uchar(c);
        if (!seen[u]) {
            seen[u] = true;
            ++distinct;
        }
        letters = letters || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        digits = digits || (u >= '0' && u <= '9');
    }
    return distinct >= 10 && letters && digits;
}

QString frameworkOf(QByteArrayView name)
{
    static const QList<QPair<QByteArray, const char *>> map
        = {{"phpsessid", "PHP"}, {"jsessionid", "Java servlet containers"}, {"asp.net_sessionid", "ASP.NET"},
            {"aspsessionid", "classic ASP"}, {"cfid", "ColdFusion"}, {"cftoken", "ColdFusion"}, {"connect.sid", "Express (connect)"},
            {"laravel_session", "Laravel"}, {"ci_session", "CodeIgniter"}, {"_rails_session", "Ruby on Rails"}, {"sessionid", "Django"},
            {"express:sess", "Express cookie-session"}, {"rack.session", "Rack"}, {"_session_id", "Ruby on Rails"}};
    for (const auto &[known, framework] : map) {
        if (HttpSyntax::startsWithLowerCase(name, known) && (known == "aspsessionid" || name.size() == known.size()))
            return QString::fromLatin1(framework);
    }
    return {};
}

bool luhnValid(QByteArrayView digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i] - '0';
        if (twice && (d *= 2) > 9)
            d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

// "an email address", "a payment card number", … or empty.
QString personalData(QByteArrayView text)
{
    const qsizetype at = text.indexOf('@');
    if (at > 0 && text.indexOf('.', at) > at + 1) {
        const uchar before = uchar(text[at - 1]);
        if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') || (before >= '0' && before <= '9'))
            return QStringLiteral("an email address");
    }
    const char *data = text.data();
    const qsizetype size = text.size();
    qsizetype run = 0;
    for (qsizetype i = 0; i <= size; ++i) {
        if (i < size && uchar(data[i] - '0') <= 9) {
            ++run;
            continue;
        }
        if (run >= 13 && run <= 19 && luhnValid(text.sliced(i - run, run)))
            return QStringLiteral("a payment card number");
        run = 0;
    }
    // US social security number ddd-dd-dddd: look only around each '-'.
    const auto isDigitAt = [&](qsizetype i) { return i >= 0 && i < size && uchar(data[i] - '0') <= 9; };
    for (qsizetype dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
        const qsizetype start = dash - 3;
        if (start < 0 || start + 11 > size || data[start + 6] != '-' || isDigitAt(start - 1) || isDigitAt(start + 11))
            continue;
        bool match = true;
        for (int k : {0, 1, 2, 4, 5, 7, 8, 9, 10})
            match = match && isDigitAt(start + k);
        if (match)
            return QStringLiteral("a national identity number");
    }
    return {};
}

bool isAuthorizationField(QByteArrayView name)
{
    static const QByteArrayList fields = {"role", "roles", "admin", "isadmin", "is_admin", "group", "groups", "permissions", "perms",
        "price", "discount", "level", "privilege", "access"};
    for (const QByteArray &f : fields) {
        if (HttpSyntax::equalsLowerCase(name, f))
            return true;
    }
    return false;
}

bool isIdentityField(QByteArrayView name)
{
    static const QByteArrayList fields = {"user", "user_id", "userid", "uid", "username", "account", "account_id", "customer_id"};
    for (const QByteArray &f : fields) {
        if (HttpSyntax::equalsLowerCase(name, f))
            return true;
    }
    return false;
}

QList<QPair<QByteArray, QByteArray>> formPairs(const QByteArray &text)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &piece : text.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const auto decode = [](QByteArray t) { return QByteArray::fromPercentEncoding(t.replace('+', ' ')); };
        pairs.append({decode(piece.left(eq)), eq < 0 ? QByteArray() : decode(piece.mid(eq + 1))});
    }
    return pairs;
}

bool isPasswordField(QByteArrayView name)
{
    return containsInsensitive(name, "pass") || HttpSyntax::equalsLowerCase(name, "pwd");
}

Finding make(const Finding &base, Rule rule, Severity severity, ByteSpan span, QByteArray detail = {}, qint64 number = 0)
{
    Finding f = base;
    f.rule = rule;
    f.severity = severity;
    f.span = span;
    f.detail = std::move(detail);
    f.number = number;
    return f;
}

ByteSpan spanOf(const SetCookie &c, Kind kind)
{
    const SetCookieAttribute *a = c.effectiveAttribute(kind);
    return a ? a->span : ByteSpan{0, c.header.size()};
}

} // namespace

AnalysisContext::Role AnalysisContext::guessRole(QByteArrayView method, QByteArrayView path)
{
    const auto has = [&](const char *word) { return containsInsensitive(path, word); };
    if (has("logout") || has("signout") || has("log-out") || has("sign-out") || has("logoff"))
        return Role::Logout;
    if (method == "POST" && (has("login") || has("signin") || has("log-in") || has("sign-in") || has("session") || has("auth")))
        return Role::Login;
    return Role::Unknown;
}

AnalysisContext AnalysisContext::fromExchange(const HttpExchange &exchange)
{
    AnalysisContext context;
    context.url = exchange.url;
    context.method = exchange.method;
    context.requestHeaders = exchange.requestHeaders;
    context.requestBody = exchange.requestBody;
    context.status = exchange.status;
    context.responseHeaders = exchange.responseHeaders;
    context.responseBody = exchange.responseBody;
    context.now = exchange.startedAt;
    context.role = guessRole(exchange.method, exchange.path());
    for (const QByteArray &hsts : HttpExchange::values(exchange.responseHeaders, "strict-transport-security"))
        context.hsts = context.hsts || (exchange.url.scheme() == QLatin1String("https") && !hsts.contains("max-age=0"));
    return context;
}

bool CookieAnalyzer::isSessionLike(QByteArrayView name, QByteArrayView value, bool loginResponse)
{
    // Anti-CSRF tokens ("csrftoken", "XSRF-TOKEN") must stay readable by scripts: not session cookies.
    if (isAntiCsrf(name))
        return false;
    // Nor is client-side authorisation state ("role=user" set at login): CK104 is about that.
    if (isAuthorizationField(name))
        return false;
    if (loginResponse || isSessionName(name))
        return true;
    if (value.startsWith("eyJ") && value.count('.') == 2)
        return true;
    return value.size() >= 10 && looksRandom(value);
}

bool CookieAnalyzer::isAntiCsrf(QByteArrayView name)
{
    return containsInsensitive(name, "csrf") || containsInsensitive(name, "xsrf");
}

double CookieAnalyzer::estimatedEntropyBits(QByteArrayView value)
{
    // Alphabet classes a byte belongs to: 1 digits, 2 hex, 4 base64 (both alphabets, '=' and '.').
    static constexpr auto Classes = [] {
        std::array<uchar, 256> table{};
        for (int c = 0; c < 256; ++c) {
            const bool digit = c >= '0' && c <= '9';
            const bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            const bool base64 = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '+' || c == '/'
                || c == '=' || c == '.';
            table[size_t(c)] = uchar((digit ? 1 : 0) | (hex ? 2 : 0) | (base64 ? 4 : 0));
        }
        return table;
    }();
    uchar common = 7;
    for (char c : value)
        common &= Classes[uchar(c)];
    const double perChar = (common & 1) ? 3.3219 : (common & 2) ? 4.0 : (common & 4) ? 6.0 : 6.5;
    return perChar * double(value.size());
}

CookieAnalyzer::CookieAnalyzer(const AnalysisContext &context)
    : m_context(context)
    , m_origin(context.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toEncoded())
    , m_host(HostName::canonicalHost(context.url))
    , m_requestPath(HostName::requestPath(context.url))
    , m_https(context.url.scheme() == QLatin1String("https") || context.url.scheme() == QLatin1String("wss"))
    , m_localhost(HostName::isLoopbackHost(m_host))
{
    const QUrl &url = context.url;
    const QByteArray site = HttpExchange::values(context.requestHeaders, "sec-fetch-site").value(0).toLower();
    m_crossSite = site == "cross-site";
    const QByteArray mode = HttpExchange::values(context.requestHeaders, "sec-fetch-mode").value(0).toLower();
    const QByteArray dest = HttpExchange::values(context.requestHeaders, "sec-fetch-dest").value(0).toLower();
    m_topNavigation = mode.isEmpty() || (mode == "navigate" && (dest.isEmpty() || dest == "document"));
    m_loginResponse = context.role == AnalysisContext::Role::Login && context.status >= 200 && context.status < 400;
    m_cacheControl = HttpExchange::values(context.responseHeaders, "cache-control").join(", ").toLower();
    m_location = HttpExchange::values(context.responseHeaders, "location").value(0);

    m_parameters = formPairs(url.query(QUrl::FullyEncoded).toLatin1());
    const QByteArray contentType = HttpExchange::values(context.requestHeaders, "content-type").value(0).toLower();
    if (!context.requestBody.isEmpty()) {
        if (contentType.contains("json") || context.requestBody.startsWith('{')) {
            const QJsonObject body = QJsonDocument::fromJson(context.requestBody).object();
            for (auto it = body.begin(); it != body.end(); ++it) {
                if (!it.value().isString())
                    continue;
                const QByteArray key = it.key().toUtf8(), text = it.value().toString().toUtf8();
                m_parameters.append({key, text});
                if (isPasswordField(key) && text.size() >= 4)
                    m_passwords.append(text);
            }
        } else if (contentType.contains("x-www-form-urlencoded")) {
            for (const auto &pair : formPairs(context.requestBody)) {
                m_parameters.append(pair);
                if (isPasswordField(pair.first) && pair.second.size() >= 4)
                    m_passwords.append(pair.second);
            }
        }
    }
}

QList<Finding> CookieAnalyzer::analyzeResponse(const QList<SetCookie> &cookies) const
{
    QList<Finding> out;
    for (int i = 0; i < cookies.size(); ++i)
        analyze(cookies.at(i), i, out);

    // CK078: the same name twice in one response.
    for (int i = 0; i < cookies.size(); ++i) {
        if (cookies.at(i).isIgnored())
            continue;
        int count = 0, first = -1;
        for (int k = 0; k < cookies.size(); ++k) {
            if (!cookies.at(k).isIgnored() && cookies.at(k).name == cookies.at(i).name) {
                ++count;
                if (first < 0)
                    first = k;
            }
        }
        if (count > 1 && first == i) {
            Finding f;
            f.rule = Rule::CK078;
            f.severity = Severity::Low;
            f.cookieIndex = i;
            f.subject = Finding::makeSubject(cookies.at(i).name, cookies.at(i).header, m_origin);
            f.span = cookies.at(i).nameSpan;
            f.number = count;
            out.append(f);
        }
    }
    if (!HttpExchange::values(m_context.responseHeaders, "set-cookie2").isEmpty()) {
        Finding f;
        f.rule = Rule::CK079;
        f.subject = Finding::makeSubject({}, {}, m_origin);
        out.append(f);
    }
    return out;
}

void CookieAnalyzer::analyze(const SetCookie &c, int index, QList<Finding> &out) const
{
    Finding base;
    base.cookieIndex = index;
    base.subject = Finding::makeSubject(c.name, c.header, m_origin);
    const ByteSpan whole{0, c.header.size()};
    const ByteSpan pair{0, c.valueSpan.end()};

    // Syntax: a header browsers ignore gets only the reason it is ignored.
    if (c.hasDiagnostic(Code::ControlCharacter)) {
        for (const auto &d : c.diagnostics) {
            if (d.code == Code::ControlCharacter)
                out.append(make(base, Rule::CK070, Severity::Medium, d.span, {}, d.span.offset));
        }
        return;
    }
    if (c.hasDiagnostic(Code::EmptyCookie)) {
        out.append(make(base, Rule::CK071, Severity::Low, whole));
        return;
    }
    if (c.hasDiagnostic(Code::NameValueTooLong)) {
        out.append(make(base, Rule::CK080, Severity::Medium, pair, {}, c.name.size() + c.value.size()));
        return;
    }

    const bool deletion = c.isDeletion();
    const bool session = !deletion && isSessionLike(c.name, c.value, m_loginResponse);

    if (c.name.isEmpty()) {
        const bool ambiguous = c.value.contains('=');
        out.append(make(base, Rule::CK072, ambiguous ? Severity::Medium : Severity::Low, pair, c.value, ambiguous ? 1 : 0));
        for (const char *prefix : {"__secure-", "__host-", "__http-", "__host-http-"}) {
            if (HttpSyntax::startsWithLowerCase(c.value, prefix)) {
                out.append(make(base, Rule::CK055, Severity::Medium, c.valueSpan, c.value.left(int(qstrlen(prefix)))));
                break;
            }
        }
    }
    for (const auto &d : c.diagnostics) {
        switch (d.code) {
        case Code::NonTokenName: out.append(make(base, Rule::CK073, Severity::Info, d.span, "has a name that is not an HTTP token")); break;
        case Code::NonCookieOctetValue: {
            bool nonAscii = false;
            for (char ch : c.value)
                nonAscii = nonAscii || uchar(ch) >= 0x80;
            out.append(make(base, Rule::CK073, nonAscii ? Severity::Low : Severity::Info, d.span,
                nonAscii ? "has non-ASCII bytes in its value" : "has spaces, quotes, commas or backslashes in its value"));
            break;
        }
        case Code::QuotedValue: out.append(make(base, Rule::CK074, Severity::Info, d.span)); break;
        case Code::DuplicateAttribute: {
            const QByteArray attribute = d.subject;
            const bool conflicting = [&] {
                QByteArrayList values;
                for (const auto &a : c.attributes) {
                    if (HttpSyntax::equalsLowerCase(c.text(a.nameSpan), attribute.toLower()))
                        values.append(c.text(a.valueSpan).toByteArray().toLower());
                }
                std::sort(values.begin(), values.end());
                values.erase(std::unique(values.begin(), values.end()), values.end());
                return values.size() > 1;
            }();
            out.append(make(base, Rule::CK075, conflicting ? Severity::Medium : Severity::Low, d.span, attribute));
            break;
        }
        case Code::UnknownAttribute: {
            const QByteArray lower = d.subject.toLower();
            static const QByteArrayList nearMisses = {"secured", "secur", "http-only", "httponl", "http_only", "httponly:", "same-site",
                "samesite:strict", "samesite:lax", "same_site", "samsite", "max_age", "maxage", "expire", "expiry", "domian", "pathname"};
            bool near = nearMisses.contains(lower) || lower.contains(':');
            if (lower == "priority")
                break; // Chromium's Priority attribute: known, harmless
            const bool obsolete = lower == "comment" || lower == "commenturl" || lower == "version" || lower == "port" || lower == "discard"
                || lower == "sameparty";
            out.append(make(base, Rule::CK076, near && !obsolete ? Severity::Medium : Severity::Info, d.span, d.subject, near ? 1 : 0));
            break;
        }
        case Code::FlagWithValue: out.append(make(base, Rule::CK077, Severity::Info, d.span, d.subject)); break;
        case Code::AttributeValueTooLong: {
            const QByteArray lower = d.subject.toLower();
            const bool important = lower == "domain" || lower == "path" || lower == "expires" || lower == "max-age";
            out.append(make(base, Rule::CK081, important ? Severity::Medium : Severity::Low, d.span, d.subject, d.span.length));
            break;
        }
        default: break;
        }
    }

    // Prefixes apply to deletions as well: a deletion that breaks them is dropped too.
    const bool trustworthy = m_https || m_localhost;
    const auto prefixProblem = [&](bool needHost, bool needHttpOnly) {
        QByteArrayList problems;
        if (!c.secure)
            problems.append("lacks Secure");
        if (!trustworthy)
            problems.append("came from an insecure origin");
        if (needHttpOnly && !c.httpOnly)
            problems.append("lacks HttpOnly");
        if (needHost && c.hasDomain && !c.domain.isEmpty())
            problems.append("has a Domain attribute");
        if (needHost && (!c.hasPath || c.path != "/"))
            problems.append("does not have Path=/");
        return problems.join(", ");
    };
    struct Prefix
    {
        const char *lower;
        const char *canonical;
        Rule rule;
        Severity severity;
        bool host;
        bool httpOnly;
    };
    static const Prefix prefixes[] = {{"__host-http-", "__Host-Http-", Rule::CK053, Severity::Low, true, true},
        {"__secure-", "__Secure-", Rule::CK050, Severity::Medium, false, false},
        {"__host-", "__Host-", Rule::CK051, Severity::Medium, true, false},
        {"__http-", "__Http-", Rule::CK052, Severity::Low, false, true}};
    bool prefixed = false;
    for (const Prefix &p : prefixes) {
        if (!HttpSyntax::startsWithLowerCase(c.name, p.lower))
            continue;
        prefixed = true;
        const QByteArray problem = prefixProblem(p.host, p.httpOnly);
        if (!problem.isEmpty())
            out.append(make(base, p.rule, p.severity, c.nameSpan, problem));
        if (!c.name.startsWith(p.canonical))
            out.append(make(base, Rule::CK054, Severity::Low, c.nameSpan, p.canonical));
        break;
    }
    if (!prefixed && !c.name.isEmpty()) {
        // Look-alikes: the name turns into a prefixed one after trimming, percent-decoding or NFKC-like folding.
        QByteArray normalised = QByteArray::fromPercentEncoding(c.name);
        normalised = QString::fromUtf8(normalised).trimmed().normalized(QString::NormalizationForm_KC).toUtf8();
        while (!normalised.isEmpty() && (uchar(normalised.front()) <= 0x20))
            normalised.remove(0, 1);
        for (const char *prefix : {"__secure-", "__host-"}) {
            if (HttpSyntax::startsWithLowerCase(normalised, prefix)) {
                out.append(make(base, Rule::CK056, Severity::Medium, c.nameSpan, normalised));
                break;
            }
        }
    }

    if (deletion) {
        out.append(make(base, Rule::CK066, Severity::Info, spanOf(c, c.maxAge ? Kind::MaxAge : Kind::Expires)));
        // A deletion scoped to a foreign domain is dropped as well.
        if (c.hasDomain && !c.domain.isEmpty() && !HostName::domainMatches(m_host, c.domain))
            out.append(make(base, Rule::CK032, Severity::Medium, spanOf(c, Kind::Domain), c.domain));
        return;
    }

    attributeRules(c, session, out, base);
    contentRules(c, session, out, base);
    if (session)
        out.append(make(base, Rule::CK131, Severity::Info, c.nameSpan));
}

void CookieAnalyzer::attributeRules(const SetCookie &c, bool session, QList<Finding> &out, const Finding &base) const
{
    const AnalysisContext &ctx = m_context;
    const bool antiCsrf = isAntiCsrf(c.name);
    const bool trustworthy = m_https || m_localhost;
    const ByteSpan whole{0, c.header.size()};

    // Transport.
    if (m_https && !c.secure && !session)
        out.append(make(base, Rule::CK001, ctx.hsts ? Severity::Info : Severity::Low, whole));
    if (session && !c.secure) {
        const Severity s = ctx.hsts ? Severity::Low : (m_loginResponse ? Severity::High : Severity::Medium);
        out.append(make(base, Rule::CK002, s, whole));
    }
    if (!m_https && !m_localhost)
        out.append(make(base, Rule::CK003, session ? Severity::High : Severity::Low, whole));
    if (c.secure && !m_https)
        out.append(
            make(base, Rule::CK004, m_localhost ? Severity::Info : Severity::Medium, spanOf(c, Kind::Secure), {}, m_localhost ? 1 : 0));
    if (m_https && session && !ctx.hsts)
        out.append(make(base, Rule::CK006, m_loginResponse ? Severity::Medium : Severity::Low, whole));

    // Script access.
    if (!c.httpOnly) {
        if (session)
            out.append(make(base, Rule::CK011, Severity::Medium, whole));
        else
            out.append(make(base, Rule::CK010, antiCsrf ? Severity::Info : Severity::Low, whole));
    }

    // SameSite.
    if (c.sameSite == SameSite::Unspecified)
        out.append(make(base, Rule::CK020, session ? Severity::Medium : Severity::Low, whole));
    if (c.sameSite == SameSite::Invalid)
        out.append(make(base, Rule::CK021, session ? Severity::Medium : Severity::Low, spanOf(c, Kind::SameSite),
            c.text(c.effectiveAttribute(Kind::SameSite)->valueSpan).toByteArray()));
    if (c.sameSite == SameSite::None && !c.secure)
        out.append(make(base, Rule::CK022, Severity::Medium, spanOf(c, Kind::SameSite)));
    if (c.sameSite == SameSite::None && c.secure)
        out.append(make(base, Rule::CK023, session && !c.partitioned ? Severity::Medium : Severity::Info, spanOf(c, Kind::SameSite)));
    if (antiCsrf && (c.sameSite == SameSite::Unspecified || c.sameSite == SameSite::Invalid))
        out.append(make(base, Rule::CK024, Severity::Low, whole));
    if (m_crossSite && !m_topNavigation && c.sameSite != SameSite::None)
        out.append(make(base, Rule::CK025, Severity::Medium, whole, sameSiteName(c.sameSite)));
    if (session && (c.sameSite == SameSite::Lax || c.sameSite == SameSite::Unspecified || c.sameSite == SameSite::Invalid)
        && !ctx.stateChangingGetPaths.isEmpty()) {
        QByteArray detail = c.sameSite == SameSite::Lax ? QByteArrayLiteral("Lax") : QByteArrayLiteral("unset");
        detail += ' ' + ctx.stateChangingGetPaths.join(", ");
        out.append(make(base, Rule::CK026, Severity::Medium, whole, detail));
    }
    if (c.sameSite == SameSite::None && !c.partitioned && m_crossSite)
        out.append(make(base, Rule::CK092, Severity::Info, spanOf(c, Kind::SameSite)));

    // Domain.
    if (c.hasDomain && !c.domain.isEmpty()) {
        const ByteSpan domainSpan = spanOf(c, Kind::Domain);
        const QByteArrayView raw = c.text(c.effectiveAttribute(Kind::Domain)->valueSpan);
        QByteArrayList malformed;
        for (char ch : c.domain) {
            if (uchar(ch) >= 0x80) {
                malformed.append("non-ASCII characters");
                break;
            }
        }
        if (c.domain.contains('%'))
            malformed.append("'%'");
        if (c.domain.endsWith(".."))
            malformed.append("a trailing \"..\"");
        if (HostName::isIpAddress(m_host) && c.domain != m_host)
            malformed.append("a different Domain on an IP-address host");
        const bool publicSuffix = PublicSuffixList::instance().isPublicSuffix(c.domain);
        if (!malformed.isEmpty())
            out.append(make(base, Rule::CK034, Severity::Low, domainSpan, c.domain + " — " + malformed.join(", ")));
        if (publicSuffix) {
            out.append(make(base, Rule::CK033, Severity::Medium, domainSpan, c.domain, c.domain == m_host ? 1 : 0));
        } else if (!HostName::domainMatches(m_host, c.domain)) {
            out.append(make(base, Rule::CK032, Severity::Medium, domainSpan, c.domain));
        } else if (c.domain == m_host) {
            out.append(make(base, Rule::CK031, session ? Severity::Low : Severity::Info, domainSpan, c.domain));
        } else {
            out.append(make(base, Rule::CK030, session ? Severity::Medium : Severity::Low, domainSpan, c.domain));
        }
        if (raw.startsWith('.'))
            out.append(make(base, Rule::CK035, Severity::Info, domainSpan, c.domain));
    }

    // Path.
    if (c.hasPath && !c.path.startsWith('/'))
        out.append(make(base, Rule::CK041, Severity::Low, spanOf(c, Kind::Path), c.path));
    if (!c.hasPath || !c.path.startsWith('/')) {
        const QByteArray effectivePath = c.effectivePath(m_requestPath);
        if (effectivePath != "/")
            out.append(make(base, Rule::CK040, Severity::Info, whole, effectivePath));
    }
    if (session && c.hasPath && c.path.startsWith('/') && c.path != "/")
        out.append(make(base, Rule::CK042, Severity::Info, spanOf(c, Kind::Path), c.path));
    if (session && !HttpSyntax::startsWithLowerCase(c.name, "__host-"))
        out.append(make(base, Rule::CK057, Severity::Info, c.nameSpan));

    // Lifetime.
    const qint64 lifetime = c.persistent
        ? (c.requestedExpiry == SetCookie::LatestTime ? std::numeric_limits<qint64>::max() / 1000 : (c.requestedExpiry - ctx.now) / 1000)
        : 0;
    if (c.expiryCapped)
        out.append(make(base, Rule::CK060, Severity::Info, spanOf(c, c.maxAge ? Kind::MaxAge : Kind::Expires),
            QDateTime::fromMSecsSinceEpoch(c.expiry, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")).toLatin1(), lifetime));
    if (c.maxAge) {
        if (const SetCookieAttribute *expires = c.effectiveAttribute(Kind::Expires)) {
            const auto expiresAt = CookieDate::parse(c.text(expires->valueSpan));
            const qint64 maxAgeAt = *c.maxAge <= 0 ? c.receivedAt : c.receivedAt + std::min<qint64>(*c.maxAge, 1LL << 40) * 1000;
            if (expiresAt && qAbs(maxAgeAt - *expiresAt) > 60000) {
                const bool expiresShorter = *expiresAt < maxAgeAt;
                out.append(make(base, Rule::CK061, session && expiresShorter ? Severity::Low : Severity::Info, expires->span, {},
                    qAbs(maxAgeAt - *expiresAt) / 1000));
            }
        }
    }
    for (const auto &d : c.diagnostics) {
        if (d.code == Code::UnparsableExpires)
            out.append(make(base, Rule::CK062, Severity::Low, d.span, d.subject));
        else if (d.code == Code::InvalidMaxAge)
            out.append(make(base, Rule::CK063, Severity::Low, d.span, d.subject));
        else if (d.code == Code::NonImfFixdateExpires)
            out.append(make(base, Rule::CK064, Severity::Info, d.span, d.subject));
        else if (d.code == Code::PathNotAbsolute || d.code == Code::InvalidSameSite)
            continue;
    }
    if (session && c.persistent) {
        const Severity band = lifetime > 7LL * 86400 ? Severity::High
            : lifetime > 86400                       ? Severity::Medium
            : lifetime > 3600                        ? Severity::Low
                                                     : Severity::Info;
        out.append(make(base, Rule::CK065, band, spanOf(c, c.maxAge ? Kind::MaxAge : Kind::Expires), {}, lifetime));
    }
    if (!c.secure && c.persistent && lifetime > 10800)
        out.append(make(base, Rule::CK068, Severity::Info, whole, {}, lifetime));

    // Partitioned.
    if (c.partitioned) {
        if (!c.secure || !trustworthy)
            out.append(make(base, Rule::CK090, Severity::Medium, spanOf(c, Kind::Partitioned),
                !c.secure ? QByteArrayLiteral("lacks Secure") : QByteArrayLiteral("came from an insecure origin")));
        if (!HttpSyntax::startsWithLowerCase(c.name, "__host-"))
            out.append(make(base, Rule::CK091, Severity::Info, c.nameSpan));
    }

    // Caching of responses that carry session cookies.
    if (session && !m_cacheControl.contains("no-store") && !m_cacheControl.contains("private")) {
        const bool storable = m_cacheControl.contains("public") || m_cacheControl.contains("s-maxage")
            || (m_cacheControl.contains("max-age=") && !m_cacheControl.contains("max-age=0"));
        if (storable)
            out.append(make(base, Rule::CK126, Severity::Medium, whole, m_cacheControl));
    }
}

void CookieAnalyzer::contentRules(const SetCookie &c, bool session, QList<Finding> &out, const Finding &base) const
{
    const QByteArrayView value(c.value);
    const ByteSpan valueSpan = c.valueSpan;

    // Decoded forms, only when the value looks encoded.
    QByteArray urlDecoded;
    if (value.contains('%'))
        urlDecoded = QByteArray::fromPercentEncoding(c.value);
    std::optional<QByteArray> base64;
    if (value.size() >= 8 && ValueDecoder::couldBeBase64Text(value))
        base64 = ValueDecoder::decodeBase64(value, value.contains('-') || value.contains('_'));
    if (base64 && !ValueDecoder::isMostlyPrintable(*base64))
        base64.reset();

    // CK100: a submitted password, or a password-named cookie.
    bool password = isPasswordField(c.name) && !value.isEmpty();
    for (const QByteArray &submitted : m_passwords) {
        password = password || value.contains(submitted) || (!urlDecoded.isEmpty() && urlDecoded.contains(submitted))
            || (base64 && base64->contains(submitted));
    }
    if (password)
        out.append(make(base, Rule::CK100, Severity::High, valueSpan,
            isPasswordField(c.name) ? QByteArrayLiteral("a password (by its name)")
                                    : QByteArrayLiteral("the password submitted with this request")));

    // CK101: request input reflected into the cookie.
    if (!m_parameters.isEmpty()) {
        const QByteArray decoded = urlDecoded.isEmpty() ? c.value : urlDecoded;
        for (const auto &[name, parameter] : m_parameters) {
            if (parameter.size() <= 1 || isPasswordField(name))
                continue;
            bool reflected = false;
            for (const QByteArray &piece : QByteArray(decoded).replace('=', ';').replace('|', ';').split(';'))
                reflected = reflected || piece.trimmed() == parameter;
            if (reflected) {
                const bool dangerous = parameter.contains(';') || parameter.contains(',') || parameter.contains('=')
                    || parameter.contains('\r') || parameter.contains('\n');
                out.append(make(base, Rule::CK101, dangerous ? Severity::Medium : Severity::Info, valueSpan, parameter, dangerous));
                break;
            }
        }
    }

    // CK102: JWT.
    if (value.startsWith("eyJ") && value.count('.') == 2) {
        if (const auto jwt = ValueDecoder::decodeJwt(value)) {
            const QString alg = jwt->jwtHeader.value(QLatin1String("alg")).toString();
            QByteArray detail = "alg " + alg.toUtf8();
            Severity severity = Severity::Info;
            QString pii;
            for (auto it = jwt->jwtPayload.begin(); it != jwt->jwtPayload.end() && pii.isEmpty(); ++it)
                pii = personalData(it.value().toString().toUtf8());
            const auto exp = jwt->jwtExpiry();
            if (jwt->jwtUnsigned) {
                severity = Severity::High;
                detail += ", unsigned: anyone can forge it";
            } else if (!pii.isEmpty()) {
                severity = Severity::Medium;
                detail += ", its readable claims contain " + pii.toUtf8();
            } else if (!exp || (c.persistent && *exp > c.expiry + 60000)) {
                severity = Severity::Low;
                detail += exp ? ", exp outlives the cookie" : ", no exp claim: it never expires";
            } else {
                detail += ", exp " + QDateTime::fromMSecsSinceEpoch(*exp, Qt::UTC).toString(Qt::ISODate).toUtf8()
                    + "; its claims are readable by anyone";
            }
            out.append(make(base, Rule::CK102, severity, valueSpan, detail));
        }
    }

    // CK103: personal data in the value or its decoded forms.
    QString pii = personalData(value);
    if (pii.isEmpty() && !urlDecoded.isEmpty())
        pii = personalData(urlDecoded);
    if (pii.isEmpty() && base64)
        pii = personalData(*base64);
    if (!pii.isEmpty())
        out.append(make(base, Rule::CK103, Severity::Medium, valueSpan, pii.toUtf8()));

    // CK104: readable structured state, or authorisation data in plain sight.
    if (!session) {
        const QByteArray readable = !urlDecoded.isEmpty() ? urlDecoded : base64 ? *base64 : c.value;
        const bool json = (readable.startsWith('{') || readable.startsWith('[')) && !QJsonDocument::fromJson(readable).isNull();
        const bool keyValues = readable.count('=') >= 1 && (readable.contains('&') || readable.contains('|') || readable.contains(':'));
        bool authz = isAuthorizationField(c.name);
        for (const char *field : {"role", "admin", "uid", "price", "isadmin", "is_admin", "permission", "group"})
            authz = authz || ((json || keyValues) && containsInsensitive(readable, field));
        if (authz)
            out.append(make(base, Rule::CK104, Severity::Medium, valueSpan, "holds authorisation data (" + readable.left(60) + ")"));
        else if (isIdentityField(c.name))
            out.append(make(base, Rule::CK104, Severity::Low, valueSpan, "names the user in plain sight (" + c.value.left(60) + ")"));
        else if (json || keyValues)
            out.append(make(base, Rule::CK104, Severity::Low, valueSpan, "holds readable structured data (" + readable.left(60) + ")"));
    }

    // CK105: serialized objects.
    const QString serialized = ValueDecoder::serializedObjectKind(value);
    if (!serialized.isEmpty())
        out.append(make(base, Rule::CK105, Severity::High, valueSpan, serialized.toUtf8()));

    if (!session)
        return;

    // CK106: too little entropy for a session id.
    const double bits = estimatedEntropyBits(value);
    if (bits < 64 && !(value.startsWith("eyJ") && value.count('.') == 2))
        out.append(make(base, Rule::CK106, Severity::Medium, valueSpan, QByteArray::number(int(bits))));

    // CK107: framework default names.
    const QString framework = frameworkOf(c.name);
    if (!framework.isEmpty())
        out.append(make(base, Rule::CK107, Severity::Info, c.nameSpan, framework.toUtf8()));

    // CK108/CK109: the session value in a URL.
    if (value.size() >= 8) {
        QByteArray where;
        if (m_context.url.query(QUrl::FullyEncoded).toLatin1().contains(c.value) || m_context.url.path().toLatin1().contains(c.value))
            where = "the request URL";
        else if (m_location.contains(c.value))
            where = "the Location header";
        if (!where.isEmpty()) {
            out.append(make(base, Rule::CK108, Severity::Medium, valueSpan, where));
            const QByteArray &body = m_context.responseBody;
            for (const char *attribute : {"href=\"http", "src=\"http", "href='http"}) {
                const qsizetype at = body.indexOf(attribute);
                if (at < 0)
                    continue;
                const qsizetype start = body.indexOf("//", at) + 2;
                qsizetype end = start;
                while (end < body.size() && body[end] != '/' && body[end] != '"' && body[end] != '\'' && body[end] != ':')
                    ++end;
                const QByteArray linked = body.mid(start, end - start).toLower();
                if (!linked.isEmpty() && linked != m_host) {
                    out.append(make(base, Rule::CK109, m_https ? Severity::Medium : Severity::Low, valueSpan, linked));
                    break;
                }
            }
        }
    }
}

} // namespace CookieLab
