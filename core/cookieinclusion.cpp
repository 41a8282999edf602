// SPDX-License-Identifier: MIT
#include "core/cookieinclusion.h"

namespace CookieLab
{

QByteArray CookieInclusion::check() const
{
    switch (reason) {
    case Reason::Included:
    case Reason::IncludedLaxAllowingUnsafe:
    case Reason::SameSiteStrict:
    case Reason::SameSiteLax:
    case Reason::SameSiteUnspecifiedTreatedAsLax: return "samesite";
    case Reason::Expired: return "expiry";
    case Reason::DomainMismatch:
    case Reason::HostOnlyMismatch: return "domain";
    case Reason::PathMismatch: return "path";
    case Reason::SecureOnly: return "secure";
    case Reason::HttpOnly: return "httponly";
    case Reason::PartitionMismatch: return "partition";
    case Reason::ThirdPartyBlocked: return "third-party";
    }
    return {};
}

QByteArray CookieInclusion::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Included: return "included";
    case Reason::IncludedLaxAllowingUnsafe: return "included-lax-allowing-unsafe";
    case Reason::Expired: return "expired";
    case Reason::DomainMismatch: return "domain-mismatch";
    case Reason::HostOnlyMismatch: return "host-only-mismatch";
    case Reason::PathMismatch: return "path-mismatch";
    case Reason::SecureOnly: return "secure-only";
    case Reason::HttpOnly: return "httponly";
    case Reason::PartitionMismatch: return "partition-mismatch";
    case Reason::ThirdPartyBlocked: return "third-party-blocked";
    case Reason::SameSiteStrict: return "samesite-strict";
    case Reason::SameSiteLax: return "samesite-lax";
    case Reason::SameSiteUnspecifiedTreatedAsLax: return "samesite-unspecified-treated-as-lax";
    }
    return {};
}

QString CookieInclusion::explanation() const
{
    const QString name = QString::fromUtf8(cookie.name.isEmpty() ? QByteArrayLiteral("(nameless)") : cookie.name);
    const QString domain = QString::fromUtf8(cookie.domain);
    const QString path = QString::fromUtf8(cookie.path);
    switch (reason) {
    case Reason::Included: return QStringLiteral("Sent: every check passed.");
    case Reason::IncludedLaxAllowingUnsafe:
        return QStringLiteral(
            "Sent: \"%1\" has no SameSite and is under 2 minutes old, so Chromium still sends it on a cross-site top-level POST.")
            .arg(name);
    case Reason::Expired: return QStringLiteral("Not sent: \"%1\" has expired.").arg(name);
    case Reason::DomainMismatch: return QStringLiteral("Not sent: the request host is not %1 or one of its subdomains.").arg(domain);
    case Reason::HostOnlyMismatch:
        return QStringLiteral("Not sent: \"%1\" is host-only (no Domain attribute), so it goes to %2 exactly, not to subdomains.")
            .arg(name, domain);
    case Reason::PathMismatch: return QStringLiteral("Not sent: the request path is not under %1.").arg(path);
    case Reason::SecureOnly:
        return QStringLiteral("Not sent: \"%1\" is Secure and the request is plain http to a host that is not localhost.").arg(name);
    case Reason::HttpOnly: return QStringLiteral("Hidden: \"%1\" is HttpOnly, so document.cookie cannot read it.").arg(name);
    case Reason::PartitionMismatch:
        return QStringLiteral("Not sent: \"%1\" is partitioned for %2, not for this top-level site.")
            .arg(name, QString::fromUtf8(cookie.partitionKey));
    case Reason::ThirdPartyBlocked:
        return QStringLiteral("Not sent: this is a cross-site subresource request and third-party cookies are blocked.");
    case Reason::SameSiteStrict: return QStringLiteral("Not sent: \"%1\" is SameSite=Strict and the request is cross-site.").arg(name);
    case Reason::SameSiteLax:
        return QStringLiteral("Not sent: \"%1\" is SameSite=Lax; cross-site it only goes with top-level navigations using GET.").arg(name);
    case Reason::SameSiteUnspecifiedTreatedAsLax:
        return QStringLiteral(
            "Not sent: \"%1\" has no valid SameSite, so it is treated as Lax; cross-site it only goes with top-level GET navigations.")
            .arg(name);
    }
    return {};
}

} // namespace CookieLab
