// SPDX-License-Identifier: MIT
#pragma once

#include "core/storedcookie.h"

#include <QString>

namespace CookieLab
{

/** Whether one stored cookie goes with a request, and the check that decided it. */
struct CookieInclusion
{
    enum class Reason
    {
        Included,
        IncludedLaxAllowingUnsafe, ///< unspecified SameSite, younger than 2 minutes, cross-site top-level POST (Chromium)
        Expired,
        DomainMismatch,
        HostOnlyMismatch,
        PathMismatch,
        SecureOnly,
        HttpOnly,
        PartitionMismatch,
        ThirdPartyBlocked,
        SameSiteStrict,
        SameSiteLax,
        SameSiteUnspecifiedTreatedAsLax,
    };

    StoredCookie cookie;
    Reason reason = Reason::Included;

    bool isIncluded() const { return reason == Reason::Included || reason == Reason::IncludedLaxAllowingUnsafe; }
    /** The check that decided: "domain", "path", "secure", "samesite", "expiry", "httponly", "partition", "third-party". */
    QByteArray check() const;
    static QByteArray reasonName(Reason reason);
    QString explanation() const;
};

} // namespace CookieLab
