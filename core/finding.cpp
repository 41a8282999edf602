// SPDX-License-Identifier: MIT
#include "core/finding.h"

#include "core/cookiedate.h"
#include "core/setcookieparser.h"

#include <QDateTime>

#include <algorithm>

namespace CookieLab
{

namespace
{

using Kind = SetCookieAttribute::Kind;

QString days(qint64 seconds)
{
    if (seconds >= 2LL * 86400)
        return QStringLiteral("%1 days").arg(seconds / 86400);
    if (seconds >= 7200)
        return QStringLiteral("%1 hours").arg(seconds / 3600);
    if (seconds >= 120)
        return QStringLiteral("%1 minutes").arg(seconds / 60);
    return QStringLiteral("%1 seconds").arg(seconds);
}

// The header with every attribute of these kinds removed, then `append` added.
QByteArray rewrite(const QByteArray &header, std::initializer_list<Kind> remove, const QByteArray &append = {})
{
    const SetCookie parsed = SetCookieParser::parse(header, 0);
    QByteArray out = parsed.name.isEmpty() ? parsed.value : parsed.name + '=' + parsed.value;
    for (const SetCookieAttribute &a : parsed.attributes) {
        if (std::find(remove.begin(), remove.end(), a.kind) != remove.end())
            continue;
        out += "; " + parsed.text(a.span).toByteArray();
    }
    if (!append.isEmpty())
        out += "; " + append;
    return out;
}

} // namespace

std::shared_ptr<const Finding::Subject> Finding::makeSubject(QByteArray cookieName, QByteArray header, QByteArray origin)
{
    return std::make_shared<const Subject>(Subject{std::move(cookieName), std::move(header), std::move(origin)});
}

namespace
{
const QByteArray &emptyBytes()
{
    static const QByteArray empty;
    return empty;
}
} // namespace

const QByteArray &Finding::cookieName() const
{
    return subject ? subject->cookieName : emptyBytes();
}

const QByteArray &Finding::header() const
{
    return subject ? subject->header : emptyBytes();
}

const QByteArray &Finding::origin() const
{
    return subject ? subject->origin : emptyBytes();
}

QString Finding::explanation() const
{
    const QString name = QString::fromUtf8(cookieName().isEmpty() ? QByteArrayLiteral("(nameless)") : cookieName());
    const QString site = QString::fromUtf8(origin());
    const QString extra = QString::fromUtf8(detail);
    switch (rule) {
    case Rule::CK001:
        return QStringLiteral("`%1` was set over HTTPS without Secure, so the browser will also send it over plain HTTP to %2, where "
                              "anyone on the network can read it.")
            .arg(name, site);
    case Rule::CK002:
        return QStringLiteral("`%1` looks like a session cookie and lacks Secure: one plain-HTTP request to %2 (a link, a downgrade "
                              "attack) hands the session to anyone on the network.")
            .arg(name, site);
    case Rule::CK003:
        return QStringLiteral("`%1` was sent by %2 over cleartext HTTP: anyone on the network can read or replace it.").arg(name, site);
    case Rule::CK004:
        return number
            ? QStringLiteral("`%1` is Secure but came over http from %2. Browsers accept that only because the host is localhost; on a "
                             "real http host the cookie would be dropped.")
                  .arg(name, site)
            : QStringLiteral("`%1` is Secure but came over http from %2, which is not a secure origin: browsers drop it.").arg(name, site);
    case Rule::CK005:
        return QStringLiteral("`%1` came over plain http without Secure while the browser already holds a Secure `%1` for this site: "
                              "browsers refuse to let an insecure response replace or shadow it.")
            .arg(name);
    case Rule::CK006:
        return QStringLiteral("%1 sets the session cookie `%2` but sends no Strict-Transport-Security header, so a first visit over http "
                              "can be intercepted and cookies injected or stripped.")
            .arg(site, name);
    case Rule::CK010: return QStringLiteral("`%1` can be read by any script on %2 because HttpOnly is missing.").arg(name, site);
    case Rule::CK011:
        return QStringLiteral("`%1` looks like a session cookie and any script on %2 can read it (HttpOnly is missing): one XSS bug and "
                              "the session is stolen.")
            .arg(name, site);
    case Rule::CK020:
        return QStringLiteral("`%1` has no SameSite attribute. Chromium treats it as Lax (and still sends it on cross-site POSTs for its "
                              "first 2 minutes); Firefox and Safari send it on every cross-site request.")
            .arg(name);
    case Rule::CK021:
        return QStringLiteral("SameSite \"%1\" on `%2` is not Strict, Lax or None, so browsers ignore it and apply their default.")
            .arg(extra, name);
    case Rule::CK022: return QStringLiteral("`%1` asks for SameSite=None without Secure: browsers drop the cookie entirely.").arg(name);
    case Rule::CK023:
        return QStringLiteral(
            "`%1` has SameSite=None, so the browser sends it with requests from any other site, including forged ones (CSRF).")
            .arg(name);
    case Rule::CK024:
        return QStringLiteral("`%1` looks like an anti-CSRF token but has no valid SameSite, so it is sent on cross-site requests too.")
            .arg(name);
    case Rule::CK025:
        return QStringLiteral("`%1` (SameSite %2) came in a cross-site subresource response: browsers store only SameSite=None cookies "
                              "from those, so this one is dropped.")
            .arg(name, extra.isEmpty() ? QStringLiteral("unset") : extra);
    case Rule::CK026:
        return QStringLiteral("`%1` is SameSite %2 and this site changes state on a GET (%3): a link on another site makes the browser "
                              "send the cookie with that GET.")
            .arg(name, extra.section(u' ', 0, 0), extra.section(u' ', 1));
    case Rule::CK030:
        return QStringLiteral(
            "`%1` has Domain=%2, a parent of this host, so every host under %2 receives it, and any of them can overwrite it.")
            .arg(name, extra);
    case Rule::CK031:
        return QStringLiteral(
            "`%1` has Domain=%2, the host itself. That is broader than leaving Domain out: every subdomain of %2 also receives the cookie.")
            .arg(name, extra);
    case Rule::CK032:
        return QStringLiteral("`%1` has Domain=%2, which does not cover %3: browsers drop the cookie.").arg(name, extra, site);
    case Rule::CK033:
        return number
            ? QStringLiteral("`%1` has Domain=%2, a public suffix equal to the host: browsers treat it as host-only.").arg(name, extra)
            : QStringLiteral("`%1` has Domain=%2, a public suffix: browsers drop the cookie, because it would reach every site under %2.")
                  .arg(name, extra);
    case Rule::CK034:
        return QStringLiteral("The Domain of `%1` (%2) is malformed, so browsers may drop the cookie or treat it differently.")
            .arg(name, extra);
    case Rule::CK035:
        return QStringLiteral("The leading dot in Domain=%1 of `%2` is ignored by browsers; the cookie reaches subdomains either way.")
            .arg(extra, name);
    case Rule::CK040:
        return QStringLiteral(
            "`%1` has no Path, so it applies only under %2, the directory of the page that set it; pages elsewhere will not receive it.")
            .arg(name, extra);
    case Rule::CK041:
        return QStringLiteral("Path \"%1\" of `%2` does not start with '/', so browsers ignore it and use the default path.")
            .arg(extra, name);
    case Rule::CK042:
        return QStringLiteral(
            "`%1` is a session cookie limited to Path=%2. Path does not isolate it: any page on the host can read it through a frame.")
            .arg(name, extra);
    case Rule::CK050: return QStringLiteral("`%1` starts with __Secure- but %2, so browsers drop it.").arg(name, extra);
    case Rule::CK051: return QStringLiteral("`%1` starts with __Host- but %2, so browsers drop it.").arg(name, extra);
    case Rule::CK052: return QStringLiteral("`%1` starts with __Http- but %2; browsers that enforce the prefix drop it.").arg(name, extra);
    case Rule::CK053:
        return QStringLiteral("`%1` starts with __Host-Http- but %2; browsers that enforce the prefix drop it.").arg(name, extra);
    case Rule::CK054:
        return QStringLiteral("`%1` uses the prefix in a non-canonical case. Browsers match prefixes case-insensitively, but servers often "
                              "compare names exactly, so checks keyed on \"%2\" miss it.")
            .arg(name, extra);
    case Rule::CK055:
        return QStringLiteral("This nameless cookie's value starts with a prefix (\"%1\"): it would be sent as if it were a prefixed "
                              "cookie, so browsers refuse it.")
            .arg(extra);
    case Rule::CK056:
        return QStringLiteral("`%1` becomes the prefixed name \"%2\" after decoding or trimming: a server that normalises names would "
                              "trust it as prefixed although the browser enforced nothing.")
            .arg(name, extra);
    case Rule::CK057:
        return QStringLiteral("`%1` is a session cookie without the __Host- prefix, so a sibling subdomain or an http response can plant a "
                              "cookie with the same name.")
            .arg(name);
    case Rule::CK060:
        return QStringLiteral("`%1` asks to live %2; browsers cap every cookie at 400 days, so it actually expires on %3.")
            .arg(name, days(number), extra);
    case Rule::CK061:
        return QStringLiteral("`%1` has Max-Age and Expires %2 apart; browsers use Max-Age and ignore Expires.").arg(name, days(number));
    case Rule::CK062:
        return QStringLiteral(
            "Expires \"%1\" of `%2` is not a date browsers understand, so they ignore it and `%2` becomes a session cookie.")
            .arg(extra, name);
    case Rule::CK063:
        return QStringLiteral("Max-Age \"%1\" of `%2` is not a whole number of seconds, so browsers ignore it.").arg(extra, name);
    case Rule::CK064:
        return QStringLiteral(
            "Expires \"%1\" of `%2` is not in the IMF-fixdate form; browsers parse it leniently, but other parsers may not.")
            .arg(extra, name);
    case Rule::CK065:
        return number > 0
            ? QStringLiteral("`%1` is a session cookie that persists for %2, surviving browser restarts on shared or stolen devices.")
                  .arg(name, days(number))
            : QStringLiteral("`%1` is a session cookie that persists on disk, surviving browser restarts.").arg(name);
    case Rule::CK066:
        return QStringLiteral("This header deletes `%1` (it is already expired); attribute warnings for live cookies do not apply.")
            .arg(name);
    case Rule::CK067:
        return QStringLiteral("This deletion of `%1` does not match the stored cookie's scope (%2), so the stored cookie survives.")
            .arg(name, extra);
    case Rule::CK068:
        return QStringLiteral("`%1` is not Secure and persists %2; Chromium's scheme binding caps such cookies at 3 hours.")
            .arg(name, days(number));
    case Rule::CK070:
        return QStringLiteral("The Set-Cookie line holds a control character at byte %1, so browsers ignore it entirely; it may also be a "
                              "sign of header injection.")
            .arg(number);
    case Rule::CK071: return QStringLiteral("The Set-Cookie line has neither a name nor a value, so browsers ignore it.");
    case Rule::CK072:
        return number ? QStringLiteral("This cookie has no name and its value \"%1\" contains '=', so the browser sends it as if it were a "
                                       "cookie named before the '=', shadowing it; Chromium refuses it.")
                            .arg(extra)
                      : QStringLiteral("This cookie has no name; browsers send just its value \"%1\", which servers parse inconsistently.")
                            .arg(extra);
    case Rule::CK073: return QStringLiteral("`%1` %2; servers and frameworks parse such cookies inconsistently.").arg(name, extra);
    case Rule::CK074:
        return QStringLiteral("The value of `%1` is in double quotes; browsers keep the quotes as part of the value.").arg(name);
    case Rule::CK075:
        return QStringLiteral(
            "%1 appears more than once in the Set-Cookie of `%2`; browsers use the last one, which may not be what was intended.")
            .arg(extra, name);
    case Rule::CK076:
        return QStringLiteral("\"%1\" on `%2` is not a cookie attribute, so browsers ignore it%3.")
            .arg(extra, name,
                number ? QStringLiteral(" — it looks like a misspelled security attribute, which therefore is not set") : QString());
    case Rule::CK077:
        return QStringLiteral("%1 on `%2` is given a value; browsers ignore the value and the flag is still on.").arg(extra, name);
    case Rule::CK078:
        return QStringLiteral("This response sets `%1` %2 times; which one a browser keeps depends on the order and scope of the lines.")
            .arg(name)
            .arg(number);
    case Rule::CK079: return QStringLiteral("The response uses the obsolete Set-Cookie2 header, which no current browser reads.");
    case Rule::CK080:
        return QStringLiteral("`%1` is %2 bytes (name plus value); browsers drop cookies over 4096 bytes.").arg(name).arg(number);
    case Rule::CK081:
        return QStringLiteral(
            "The %1 attribute of `%2` is %3 bytes; browsers ignore attribute values over 1024 bytes, so it silently has no effect.")
            .arg(extra, name)
            .arg(number);
    case Rule::CK082:
        return QStringLiteral("The client now holds %1 cookies for %2; Chromium keeps at most 180 per site and purges the least recently "
                              "used, which may include the session cookie.")
            .arg(number)
            .arg(extra);
    case Rule::CK083:
        return QStringLiteral("The Cookie header for %1 would be %2 bytes; many servers refuse request headers over 8 KiB.")
            .arg(site)
            .arg(number);
    case Rule::CK084:
        return QStringLiteral(
            "Partitioned cookies for %1 in this partition total %2; Chromium allows 180 cookies and 10 KiB per partition.")
            .arg(extra)
            .arg(number);
    case Rule::CK090: return QStringLiteral("`%1` is Partitioned but %2, so browsers drop it.").arg(name, extra);
    case Rule::CK091:
        return QStringLiteral(
            "`%1` is Partitioned without the __Host- prefix; with __Host- it would be bound to this host inside the partition.")
            .arg(name);
    case Rule::CK092:
        return QStringLiteral("`%1` is SameSite=None and unpartitioned, set in a cross-site context: browsers blocking third-party cookies "
                              "will neither store nor send it.")
            .arg(name);
    case Rule::CK100:
        return QStringLiteral("`%1` carries %2; anyone who can read the cookie (a script, a proxy, a shared computer) gets the password.")
            .arg(name, extra);
    case Rule::CK101:
        return QStringLiteral("The value of `%1` contains the request parameter \"%2\" verbatim: an attacker who controls the parameter "
                              "controls the cookie%3.")
            .arg(name, extra, number ? QStringLiteral(", and the ';' or '=' in it can inject attributes or cookies") : QString());
    case Rule::CK102: return QStringLiteral("`%1` holds a JWT (%2).").arg(name, extra);
    case Rule::CK103: return QStringLiteral("The value of `%1` contains what looks like %2.").arg(name, extra);
    case Rule::CK104:
        return QStringLiteral("`%1` %2; the client can change it, and nothing in the value shows a signature the server could check.")
            .arg(name, extra);
    case Rule::CK105:
        return QStringLiteral(
            "The value of `%1` starts like a %2 serialized object; deserializing cookie values lets attackers run code on the server.")
            .arg(name, extra);
    case Rule::CK106:
        return number
            ? QStringLiteral("Session values of `%1` are predictable: %2.").arg(name, extra)
            : QStringLiteral("The session value of `%1` carries about %2 bits of randomness at most; 64 is the minimum, 128 recommended.")
                  .arg(name, extra);
    case Rule::CK107:
        return QStringLiteral("`%1` is the default session cookie name of %2, which tells attackers what the server runs.")
            .arg(name, extra);
    case Rule::CK108:
        return QStringLiteral("The session value of `%1` also appears in %2, where it ends up in logs, history and Referer headers.")
            .arg(name, extra);
    case Rule::CK109:
        return QStringLiteral("This page has a session id in its URL and links to %1, which receives the URL in the Referer header.")
            .arg(extra);
    case Rule::CK120:
        return QStringLiteral("After login the client still holds the session value `%1` it had before (%2): an attacker who planted that "
                              "value beforehand is now logged in as the user.")
            .arg(name, extra);
    case Rule::CK122: return QStringLiteral("The privileges of the session changed but `%1` was not renewed.").arg(name);
    case Rule::CK123:
        return QStringLiteral("The logout response does not delete `%1`, which the client sent; the browser keeps the session cookie.")
            .arg(name);
    case Rule::CK124:
        return QStringLiteral("The client holds %1 cookies named `%2` that are all sent to %3 (%4); the server cannot tell which is which, "
                              "and a sibling subdomain can plant one (cookie tossing).")
            .arg(number)
            .arg(name, site, extra);
    case Rule::CK125:
        return QStringLiteral("`%1` is issued over both http and https by %2, so the session travels unprotected at times.")
            .arg(name, extra);
    case Rule::CK126:
        return QStringLiteral(
            "The response setting `%1` can be stored by shared caches (%2), which could hand the session cookie to other users.")
            .arg(name, extra);
    case Rule::CK127:
        return QStringLiteral("The value of `%1` was also issued to another client (%2): the two share one session.").arg(name, extra);
    case Rule::CK130:
        return QStringLiteral("This %1 request changes state and is authorised only by `%2`, which the browser attaches on cross-site "
                              "requests (%3); no CSRF token, Origin or Sec-Fetch-Site check was seen.")
            .arg(extra.section(u' ', 0, 0), name, extra.section(u' ', 1));
    case Rule::CK131: return QStringLiteral("`%1` is treated as a session-management cookie, so the session rules apply to it.").arg(name);
    }
    return {};
}

QByteArray Finding::fixedHeader() const
{
    const QByteArray &header = this->header();
    if (header.isEmpty())
        return {};
    switch (rule) {
    case Rule::CK001:
    case Rule::CK002:
    case Rule::CK022: return rewrite(header, {Kind::Secure}, "Secure");
    case Rule::CK010:
    case Rule::CK011: return rewrite(header, {Kind::HttpOnly}, "HttpOnly");
    case Rule::CK020:
    case Rule::CK021:
    case Rule::CK023: return rewrite(header, {Kind::SameSite}, "SameSite=Lax");
    case Rule::CK024: return rewrite(header, {Kind::SameSite}, "SameSite=Strict");
    case Rule::CK030:
    case Rule::CK031:
    case Rule::CK033: return rewrite(header, {Kind::Domain});
    case Rule::CK035: return rewrite(header, {Kind::Domain}, "Domain=" + detail);
    case Rule::CK040:
    case Rule::CK041: return rewrite(header, {Kind::Path}, "Path=/");
    case Rule::CK060: return rewrite(header, {Kind::MaxAge, Kind::Expires}, "Max-Age=34560000");
    case Rule::CK061:
    case Rule::CK062:
    case Rule::CK064: return rewrite(header, {Kind::Expires});
    case Rule::CK063: return rewrite(header, {Kind::MaxAge});
    case Rule::CK075:
    case Rule::CK076:
    case Rule::CK077: {
        // Re-emit the effective attributes once each, canonically spelled.
        const SetCookie parsed = SetCookieParser::parse(header, 0);
        QByteArray out = parsed.name + '=' + parsed.value;
        if (parsed.maxAge)
            out += "; Max-Age=" + QByteArray::number(*parsed.maxAge);
        else if (const auto *expires = parsed.effectiveAttribute(Kind::Expires))
            out += "; Expires=" + parsed.text(expires->valueSpan).toByteArray();
        if (parsed.hasDomain && !parsed.domain.isEmpty())
            out += "; Domain=" + parsed.domain;
        if (parsed.hasPath)
            out += "; Path=" + parsed.path;
        if (parsed.secure)
            out += "; Secure";
        if (parsed.httpOnly)
            out += "; HttpOnly";
        if (parsed.sameSite != SameSite::Unspecified && parsed.sameSite != SameSite::Invalid)
            out += "; SameSite=" + sameSiteName(parsed.sameSite);
        if (parsed.partitioned)
            out += "; Partitioned";
        return out;
    }
    case Rule::CK050:
    case Rule::CK090: return rewrite(header, {Kind::Secure}, "Secure");
    case Rule::CK051: return rewrite(header, {Kind::Secure, Kind::Domain, Kind::Path}, "Path=/; Secure");
    case Rule::CK065: return rewrite(header, {Kind::MaxAge, Kind::Expires});
    case Rule::CK057: {
        QByteArray renamed = rewrite(header, {Kind::Secure, Kind::Domain, Kind::Path}, "Path=/; Secure");
        return renamed.prepend("__Host-");
    }
    default: return {};
    }
}

QString Finding::fix() const
{
    QString text = QString::fromUtf8(RuleCatalog::info(rule).advice);
    const QByteArray corrected = fixedHeader();
    if (!corrected.isEmpty())
        text += QStringLiteral(" Corrected: Set-Cookie: ") + QString::fromUtf8(corrected);
    return text;
}

void sortFindings(QList<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return quint16(a.rule) < quint16(b.rule);
    });
}

std::optional<Severity> highestSeverity(const QList<Finding> &findings)
{
    std::optional<Severity> highest;
    for (const Finding &f : findings) {
        if (!highest || f.severity > *highest)
            highest = f.severity;
    }
    return highest;
}

} // namespace CookieLab
