// SPDX-License-Identifier: MIT
#include "core/rulecatalog.h"

#include <algorithm>

namespace CookieLab
{

namespace
{

using S = Severity;

const QList<RuleInfo> Rules = {
    {Rule::CK001, "Secure attribute missing on an HTTPS-set cookie", S::Low,
        "RFC 6265bis §8.3; ZAP 10011; Observatory cookies-without-secure-flag; Burp 0x00500200",
        "Add Secure so the cookie never travels over plain HTTP."},
    {Rule::CK002, "Session cookie without Secure", S::Medium,
        "OWASP Session Management Cheat Sheet: Secure Attribute; Observatory cookies-session-without-secure-flag; ZAP 40013-1",
        "Add Secure to every session cookie and serve the site over HTTPS only."},
    {Rule::CK003, "Cookie issued over cleartext HTTP", S::Low, "RFC 6265bis §8.3; ZAP 40013-1",
        "Serve the site over HTTPS; anyone on the network can read and change cookies sent over HTTP."},
    {Rule::CK004, "Secure cookie set from a non-secure origin", S::Medium, "RFC 6265bis §5.7 step 12; Chromium EXCLUDE_SECURE_ONLY",
        "Set Secure cookies from https:// pages; browsers accept them over http only on localhost."},
    {Rule::CK005, "Insecure response would overwrite a Secure cookie (dropped)", S::Medium,
        "RFC 6265bis §5.7 step 15; Chromium EXCLUDE_OVERWRITE_SECURE",
        "Send the cookie over HTTPS with Secure, or give it a name that does not collide with the Secure cookie."},
    {Rule::CK006, "HTTPS host sets session cookies without HSTS", S::Low,
        "RFC 6265bis §8.6; OWASP Session Management Cheat Sheet: Transport Layer Security",
        "Send Strict-Transport-Security: max-age=31536000; includeSubDomains so no request ever goes over HTTP."},
    {Rule::CK010, "HttpOnly missing", S::Low, "RFC 6265bis §4.1.2.6; ZAP 10010; Burp 0x00500600",
        "Add HttpOnly unless page scripts must read this cookie."},
    {Rule::CK011, "Session cookie readable by script", S::Medium,
        "OWASP Session Management Cheat Sheet: HttpOnly Attribute; Observatory cookies-session-without-httponly-flag; ZAP 40013-2",
        "Add HttpOnly so an XSS bug cannot steal the session."},
    {Rule::CK020, "SameSite not specified", S::Low, "RFC 6265bis §5.6.7; OWASP Session Management Cheat Sheet: SameSite; ZAP 10054-1",
        "Say SameSite=Lax (or Strict) explicitly; only Chromium defaults to Lax."},
    {Rule::CK021, "SameSite value unrecognised (behaves as unset)", S::Low,
        "RFC 6265bis §5.6.7; ZAP 10054-3; Observatory cookies-samesite-flag-invalid",
        "Use SameSite=Strict, SameSite=Lax or SameSite=None; Secure."},
    {Rule::CK022, "SameSite=None without Secure (dropped)", S::Medium, "RFC 6265bis §5.7 step 18; Chromium EXCLUDE_SAMESITE_NONE_INSECURE",
        "Add Secure, or use SameSite=Lax if the cookie is not needed cross-site."},
    {Rule::CK023, "SameSite=None: sent on cross-site requests", S::Info, "ZAP 10054-2; OWASP Session Management Cheat Sheet: SameSite",
        "Use SameSite=Lax or Strict unless the cookie must be sent from other sites (and then consider Partitioned)."},
    {Rule::CK024, "Anti-CSRF cookie without a valid SameSite", S::Low, "Observatory cookies-anticsrf-without-samesite-flag",
        "Add SameSite=Strict to the CSRF token cookie."},
    {Rule::CK025, "Cookie set in a cross-site subresource response (not stored)", S::Medium,
        "RFC 6265bis §4.1.2.7, §5.7 step 17; Chromium EXCLUDE_SAMESITE_*",
        "Only SameSite=None; Secure cookies can be set from cross-site subresources; set it from a top-level response instead."},
    {Rule::CK026, "Lax or unset session cookie protects a state-changing GET", S::Medium, "RFC 6265bis §5.6.7.1, §8.8.1",
        "Make state-changing routes POST-only with a CSRF token, or use SameSite=Strict."},
    {Rule::CK030, "Cookie scoped to a parent domain", S::Low,
        "ZAP 90033; Burp 0x00500300; OWASP Session Management Cheat Sheet: Domain and Path",
        "Drop the Domain attribute so the cookie stays on the host that set it."},
    {Rule::CK031, "Domain equals the host, so subdomains get the cookie too", S::Info, "RFC 6265bis §4.1.2.3, §5.7 step 9",
        "Omit Domain: a host-only cookie is narrower than Domain=<this host>."},
    {Rule::CK032, "Domain does not cover the request host (dropped)", S::Medium, "RFC 6265bis §5.7 step 9; Chromium EXCLUDE_INVALID_DOMAIN",
        "Use a Domain that is the host or one of its parents, or omit it."},
    {Rule::CK033, "Domain is a public suffix", S::Medium, "RFC 6265bis §5.7 step 8, §8.9",
        "Never scope a cookie to a public suffix; omit Domain."},
    {Rule::CK034, "Malformed Domain", S::Low, "RFC 6265bis §5.6.3; Chromium EXCLUDE_DOMAIN_NON_ASCII",
        "Use a plain ASCII host name (punycode for IDNs) without '%' or trailing dots."},
    {Rule::CK035, "Legacy leading dot in Domain", S::Info, "RFC 6265bis §5.6.3", "Drop the leading dot; it has no effect."},
    {Rule::CK040, "Path omitted: the default path applies", S::Info, "RFC 6265bis §5.1.4", "Add Path=/ (or the intended path) explicitly."},
    {Rule::CK041, "Path does not start with '/' (ignored)", S::Low, "RFC 6265bis §5.6.4", "Start Path with '/'."},
    {Rule::CK042, "Path used to isolate a sensitive cookie", S::Info, "RFC 6265bis §4.1.2.4, §8.5; OWASP WSTG-SESS-02",
        "Path is not a security boundary; isolate with a separate host (and __Host-) instead."},
    {Rule::CK050, "__Secure- prefix rules violated (dropped)", S::Medium, "RFC 6265bis §4.1.3.1, §5.7 step 19",
        "__Secure- cookies need Secure and a secure origin."},
    {Rule::CK051, "__Host- prefix rules violated (dropped)", S::Medium, "RFC 6265bis §4.1.3.2, §5.7 step 20",
        "__Host- cookies need Secure, Path=/ and no Domain, from a secure origin."},
    {Rule::CK052, "__Http- prefix rules violated", S::Low, "draft-ietf-httpbis-layered-cookies: __Http-",
        "__Http- cookies need Secure and HttpOnly."},
    {Rule::CK053, "__Host-Http- prefix rules violated", S::Low, "draft-ietf-httpbis-layered-cookies: __Host-Http-",
        "__Host-Http- cookies need Secure, HttpOnly, Path=/ and no Domain."},
    {Rule::CK054, "Prefix in non-canonical case", S::Low, "RFC 6265bis §5.4",
        "Spell the prefix exactly __Secure- or __Host-; servers compare names case-sensitively."},
    {Rule::CK055, "Nameless cookie hiding a prefix in its value (dropped)", S::Medium,
        "RFC 6265bis §5.7 step 21; Chromium HasHiddenPrefixName",
        "Give the cookie a name; browsers refuse nameless cookies that look prefixed."},
    {Rule::CK056, "Prefix look-alike", S::Medium, "PortSwigger Research 2025 cookie prefix bypass; HackerOne #895727",
        "Reject names that decode or trim to a prefixed name; compare the exact bytes."},
    {Rule::CK057, "Session cookie not using __Host-", S::Info,
        "OWASP Session Management Cheat Sheet: Cookie Name Prefixes; OWASP WSTG-SESS-02",
        "Name the session cookie __Host-… (with Secure, Path=/, no Domain) to lock it to this host."},
    {Rule::CK060, "Lifetime beyond 400 days (capped)", S::Info, "RFC 6265bis §5.5; Chromium ValidateAndAdjustExpiryDate",
        "Ask for at most 400 days (Max-Age=34560000); browsers cap longer lifetimes."},
    {Rule::CK061, "Max-Age and Expires disagree", S::Info, "RFC 6265bis §4.1.2.2, §5.7 step 6",
        "Send one lifetime; Max-Age wins when both are present."},
    {Rule::CK062, "Unparsable Expires (ignored: session cookie)", S::Low, "RFC 6265bis §5.6.1",
        "Write Expires as an IMF-fixdate, e.g. Expires=Wed, 21 Oct 2026 07:28:00 GMT, or use Max-Age."},
    {Rule::CK063, "Invalid Max-Age (ignored)", S::Low, "RFC 6265bis §5.6.2", "Max-Age takes whole seconds: Max-Age=3600."},
    {Rule::CK064, "Expires is not an IMF-fixdate", S::Info, "RFC 6265bis §4.1.1, §5.1.1",
        "Use the form Wed, 21 Oct 2026 07:28:00 GMT (four-digit year, GMT)."},
    {Rule::CK065, "Persistent or long-lived session cookie", S::Medium,
        "OWASP Session Management Cheat Sheet: Expire and Max-Age Attributes; ZAP 40013-3",
        "Keep session cookies short-lived (hours, not weeks) and expire them server-side."},
    {Rule::CK066, "Deletion recognised", S::Info, "RFC 6265bis §5.6.2, §5.7", "No action: this header removes a cookie."},
    {Rule::CK067, "Deletion does not match the stored cookie's scope (the cookie survives)", S::Low, "RFC 6265bis §5.7 step 22",
        "Delete with the same Domain (or none) and Path the cookie was set with."},
    {Rule::CK068, "Non-Secure persistent cookie over 3 hours", S::Info,
        "Chromium ValidateAndAdjustExpiryDate (time-limited insecure cookies)",
        "Add Secure; Chromium's experimental scheme binding caps insecure cookies at 3 hours."},
    {Rule::CK070, "Control character in the header (cookie ignored)", S::Medium,
        "RFC 6265bis §5.6 step 1; Chromium EXCLUDE_DISALLOWED_CHARACTER", "Remove control characters; they also hint at header injection."},
    {Rule::CK071, "Empty cookie", S::Low, "RFC 6265bis §5.7 step 2; Chromium EXCLUDE_NO_COOKIE_CONTENT", "Send a name and a value."},
    {Rule::CK072, "Nameless cookie", S::Low, "RFC 6265bis §4.1.1, §5.6 step 3", "Give every cookie a name."},
    {Rule::CK073, "Non-token name or non-cookie-octet value", S::Info, "RFC 6265bis §4.1.1",
        "Use token names and URL-encode values (no spaces, quotes, commas, backslashes or non-ASCII)."},
    {Rule::CK074, "Quoted value (the quotes are part of it)", S::Info, "RFC 6265bis §4.1.1",
        "Drop the quotes unless the application expects them in the value."},
    {Rule::CK075, "Duplicate attribute (the last one wins)", S::Low, "RFC 6265bis §4.1.1, §5.7", "Send each attribute once."},
    {Rule::CK076, "Unknown or misspelled attribute (ignored)", S::Info, "RFC 6265bis §5.6 step 7",
        "Fix the spelling; browsers ignore attributes they do not know."},
    {Rule::CK077, "Flag attribute with a value (the flag is still on)", S::Info, "RFC 6265bis §5.6.5, §5.6.6",
        "Write Secure / HttpOnly / Partitioned without a value; to turn a flag off, leave it out."},
    {Rule::CK078, "Same cookie name set twice in one response", S::Low, "RFC 6265bis §4.1.1; Burp: Duplicate cookies set",
        "Set each cookie once per response."},
    {Rule::CK079, "Obsolete Set-Cookie2 header", S::Info, "RFC 6265 (obsoletes RFC 2965)", "Use Set-Cookie; browsers ignore Set-Cookie2."},
    {Rule::CK080, "Name and value exceed 4096 bytes (dropped)", S::Medium,
        "RFC 6265bis §5.6 step 5, §5.7 step 4; Chromium kMaxCookieNamePlusValueSize",
        "Store large data server-side and keep only an identifier in the cookie."},
    {Rule::CK081, "Attribute value over 1024 bytes (attribute ignored)", S::Low,
        "RFC 6265bis §5.6; Chromium WARN_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE", "Keep attribute values under 1024 bytes."},
    {Rule::CK082, "Cookie jar pressure (cookie bomb)", S::Info, "RFC 6265bis §6.1, §8.6; Chromium kDomainMaxCookies",
        "Set fewer cookies per site; Chromium purges 30 once a site holds 180."},
    {Rule::CK083, "Cookie request header over 8 KiB", S::Low, "RFC 6265bis §4.2.1",
        "Set fewer or smaller cookies; many servers refuse headers over 8 KiB."},
    {Rule::CK084, "Partitioned budget exceeded", S::Info, "CHIPS draft: Applying Limits; Chromium kPerPartitionDomainMaxCookieBytes",
        "Keep partitioned cookies under 180 per site and 10 KiB per partition."},
    {Rule::CK090, "Partitioned without Secure or from an insecure origin (dropped)", S::Medium,
        "CHIPS draft; Chromium EXCLUDE_INVALID_PARTITIONED", "Partitioned cookies need Secure and a secure origin."},
    {Rule::CK091, "Partitioned cookie without __Host-", S::Info, "developer.chrome.com CHIPS",
        "Name partitioned cookies __Host-… to bind them to the embedding host."},
    {Rule::CK092, "Unpartitioned cross-site cookie will be blocked as third-party", S::Info,
        "RFC 6265bis §7.1; Chromium WARN_THIRD_PARTY_PHASEOUT", "Add Partitioned if the cookie is only needed inside this embedding site."},
    {Rule::CK100, "Password in a cookie", S::High, "Burp 0x00500900; OWASP Session Management Cheat Sheet: Session ID Content",
        "Never store credentials in cookies; keep a random session id instead."},
    {Rule::CK101, "Cookie value reflects request input (cookie poisoning)", S::Info, "ZAP 10029",
        "Validate and encode input before it goes into a cookie; never echo raw parameters."},
    {Rule::CK102, "JWT in a cookie", S::Info, "RFC 7519; RFC 7518 §3.6; OWASP Session Management Cheat Sheet: Session ID Content",
        "Keep tokens signed (no alg:none), short-lived with exp, and free of personal data."},
    {Rule::CK103, "Personal data in a cookie value", S::Medium, "OWASP Session Management Cheat Sheet: Session ID Content",
        "Keep personal data server-side; cookies are visible to the user and to anyone who steals them."},
    {Rule::CK104, "Readable or tamperable state in a cookie", S::Low, "RFC 6265bis §8.3; ZAP 10094",
        "Keep such state server-side, or sign it (HMAC) and verify it on every request."},
    {Rule::CK105, "Serialized object in a cookie", S::High, "ZAP 90002; Burp 0x00400900",
        "Never deserialize cookie values; use a signed, plain format such as JSON with an HMAC."},
    {Rule::CK106, "Weak or predictable session identifier", S::Medium,
        "OWASP Session Management Cheat Sheet: Session ID Entropy and Length",
        "Generate at least 128 bits from a CSPRNG (e.g. 22 base64url characters)."},
    {Rule::CK107, "Framework-default session cookie name", S::Info, "OWASP Session Management Cheat Sheet: Session ID Name Fingerprinting",
        "Rename the session cookie to something generic such as id."},
    {Rule::CK108, "Session id also exposed in a URL", S::Medium, "ZAP 3-1/3-2; Burp 0x00500700; OWASP Session Management Cheat Sheet",
        "Keep session ids in cookies only, never in URLs."},
    {Rule::CK109, "Page with a session id in its URL links off-site (Referer leak)", S::Medium, "ZAP 3-3",
        "Remove the id from URLs and set Referrer-Policy: no-referrer."},
    {Rule::CK120, "Session not rotated at login (fixation)", S::High,
        "OWASP Session Management Cheat Sheet: Renew the Session ID After Any Privilege Level Change; RFC 6265bis §8.4",
        "Issue a new session id at login and invalidate the old one."},
    {Rule::CK122, "No session renewal after a privilege change", S::Medium,
        "OWASP Session Management Cheat Sheet: Renew the Session ID After Any Privilege Level Change",
        "Issue a new session id after every privilege change."},
    {Rule::CK123, "Logout does not expire the session cookie", S::Low, "OWASP Session Management Cheat Sheet: Session Expiration",
        "Delete the session cookie at logout (same name, Domain and Path) and end the session server-side."},
    {Rule::CK124, "Overlapping same-name cookies (tossing or shadowing)", S::Low,
        "RFC 6265bis §4.2.2, §8.6; OWASP Session Management Cheat Sheet; Chromium WARN_SHADOWING_DOMAIN",
        "Give cookies unique names or one scope; use __Host- for session cookies."},
    {Rule::CK125, "Session cookie issued over both HTTP and HTTPS", S::Medium,
        "OWASP Session Management Cheat Sheet: Transport Layer Security", "Issue session cookies over HTTPS only, with Secure."},
    {Rule::CK126, "Session cookie on a shared-cacheable response", S::Medium, "OWASP Session Management Cheat Sheet: Web Content Caching",
        "Send Cache-Control: no-store (or private) on responses that set session cookies."},
    {Rule::CK127, "Same session value issued to two clients", S::High, "OWASP Session Management Cheat Sheet: Session ID Entropy",
        "Generate every session id fresh from a CSPRNG; never share one between clients."},
    {Rule::CK130, "State-changing request authorised only by an ambient session cookie", S::Medium,
        "RFC 6265bis §8.2, §8.8; OWASP Session Management Cheat Sheet: SameSite",
        "Require a CSRF token or check Origin / Sec-Fetch-Site on state-changing requests."},
    {Rule::CK131, "Session-management cookie identified", S::Info, "ZAP 10112", "No action: noted so the session rules apply to it."},
};

} // namespace

const QList<RuleInfo> &RuleCatalog::rules()
{
    return Rules;
}

const RuleInfo &RuleCatalog::info(Rule rule)
{
    const auto it = std::lower_bound(
        Rules.cbegin(), Rules.cend(), rule, [](const RuleInfo &info, Rule r) { return quint16(info.rule) < quint16(r); });
    Q_ASSERT(it != Rules.cend() && it->rule == rule);
    return *it;
}

QByteArray RuleCatalog::id(Rule rule)
{
    return QByteArray::number(int(rule)).rightJustified(3, '0').prepend("CK");
}

std::optional<Rule> RuleCatalog::fromId(QByteArrayView id)
{
    for (const RuleInfo &info : Rules) {
        if (RuleCatalog::id(info.rule) == id)
            return info.rule;
    }
    return std::nullopt;
}

QStringList RuleCatalog::references(Rule rule)
{
    return QString::fromUtf8(info(rule).references).split(QStringLiteral("; "));
}

} // namespace CookieLab
