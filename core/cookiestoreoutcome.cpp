// SPDX-License-Identifier: MIT
#include "core/cookiestoreoutcome.h"

namespace CookieLab
{

QByteArray CookieStoreOutcome::statusName(Status status)
{
    switch (status) {
    case Status::Stored: return "stored";
    case Status::Replaced: return "replaced";
    case Status::Deleted: return "deleted";
    case Status::Expired: return "expired";
    case Status::Rejected: return "rejected";
    }
    return {};
}

QByteArray CookieStoreOutcome::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::None: return "none";
    case Reason::NonCookieableScheme: return "noncookieable-scheme";
    case Reason::DisallowedCharacter: return "disallowed-character";
    case Reason::NoCookieContent: return "no-cookie-content";
    case Reason::NameValueTooLarge: return "name-value-too-large";
    case Reason::AmbiguousSerialization: return "ambiguous-serialization";
    case Reason::InvalidDomain: return "invalid-domain";
    case Reason::PublicSuffixDomain: return "public-suffix-domain";
    case Reason::DomainMismatch: return "domain-mismatch";
    case Reason::SecureOnly: return "secure-only";
    case Reason::HttpOnlyFromScript: return "httponly-from-script";
    case Reason::OverwriteSecure: return "overwrite-secure";
    case Reason::OverwriteHttpOnly: return "overwrite-httponly";
    case Reason::SameSiteStrict: return "samesite-strict";
    case Reason::SameSiteLax: return "samesite-lax";
    case Reason::SameSiteUnspecifiedTreatedAsLax: return "samesite-unspecified-treated-as-lax";
    case Reason::SameSiteNoneInsecure: return "samesite-none-insecure";
    case Reason::InvalidPrefix: return "invalid-prefix";
    case Reason::InvalidPartitioned: return "invalid-partitioned";
    case Reason::ThirdPartyBlocked: return "third-party-blocked";
    }
    return {};
}

QString CookieStoreOutcome::explanation() const
{
    const QString name = QString::fromUtf8(parsed.name.isEmpty() ? QByteArrayLiteral("(nameless)") : parsed.name);
    const QString domain = QString::fromUtf8(cookie.domain);
    switch (status) {
    case Status::Stored:
        return QStringLiteral("\"%1\" was stored for %2%3 (%4).")
            .arg(name, domain, QString::fromUtf8(cookie.path),
                cookie.hostOnly ? QStringLiteral("host-only") : QStringLiteral("this domain and its subdomains"));
    case Status::Replaced:
        return QStringLiteral("\"%1\" replaced the cookie with the same name, domain and path; it keeps the old creation time.").arg(name);
    case Status::Deleted:
        return QStringLiteral("\"%1\" had already expired, so it deleted the stored cookie with the same name, domain and path.").arg(name);
    case Status::Expired: return QStringLiteral("\"%1\" had already expired and there was no matching cookie to delete.").arg(name);
    case Status::Rejected: break;
    }
    switch (reason) {
    case Reason::None: return {};
    case Reason::NonCookieableScheme: return QStringLiteral("Cookies are only stored from http and https URLs.");
    case Reason::DisallowedCharacter: return QStringLiteral("The header contains a control character, so browsers ignore it.");
    case Reason::NoCookieContent: return QStringLiteral("The header has neither a name nor a value.");
    case Reason::NameValueTooLarge: return QStringLiteral("Name plus value of \"%1\" exceed 4096 bytes.").arg(name);
    case Reason::AmbiguousSerialization:
        return QStringLiteral("A nameless cookie whose value contains '=' would be sent as if it had a name; Chromium refuses it.");
    case Reason::InvalidDomain: return QStringLiteral("The Domain attribute of \"%1\" is not a valid host name.").arg(name);
    case Reason::PublicSuffixDomain:
        return QStringLiteral("Domain=%1 is a public suffix: a cookie for every site under it is refused.")
            .arg(QString::fromUtf8(parsed.domain));
    case Reason::DomainMismatch:
        return QStringLiteral("Domain=%1 does not cover the host that sent \"%2\".").arg(QString::fromUtf8(parsed.domain), name);
    case Reason::SecureOnly:
        return QStringLiteral("\"%1\" is Secure but came over plain http from a host that is not localhost.").arg(name);
    case Reason::HttpOnlyFromScript: return QStringLiteral("Scripts cannot create HttpOnly cookies.");
    case Reason::OverwriteSecure:
        return QStringLiteral("An insecure origin may not overwrite or shadow the Secure cookie \"%1\".").arg(name);
    case Reason::OverwriteHttpOnly: return QStringLiteral("Scripts cannot overwrite the HttpOnly cookie \"%1\".").arg(name);
    case Reason::SameSiteStrict:
    case Reason::SameSiteLax:
    case Reason::SameSiteUnspecifiedTreatedAsLax:
        return QStringLiteral("\"%1\" is not SameSite=None, and a cross-site subresource response may only set SameSite=None cookies.")
            .arg(name);
    case Reason::SameSiteNoneInsecure: return QStringLiteral("SameSite=None requires Secure; \"%1\" lacks it.").arg(name);
    case Reason::InvalidPrefix:
        return QStringLiteral("\"%1\" breaks its prefix rule: __Secure- needs Secure; __Host- needs Secure, Path=/ and no Domain.")
            .arg(name);
    case Reason::InvalidPartitioned: return QStringLiteral("Partitioned cookies must be Secure.");
    case Reason::ThirdPartyBlocked:
        return QStringLiteral("Third-party cookies are blocked: \"%1\" came from a cross-site subresource and is not Partitioned.")
            .arg(name);
    }
    return {};
}

} // namespace CookieLab
