// SPDX-License-Identifier: MIT
#pragma once

#include "core/setcookie.h"
#include "core/storedcookie.h"

#include <QString>

namespace CookieLab
{

/** What the jar did with one Set-Cookie, and why. */
struct CookieStoreOutcome
{
    enum class Status
    {
        Stored, ///< a new cookie
        Replaced, ///< an existing cookie with the same identity was overwritten
        Deleted, ///< an expired cookie removed the existing one
        Expired, ///< already expired and nothing to delete
        Rejected, ///< the jar refused it; see reason
    };
    /** Why a cookie was refused; names follow Chromium's CookieInclusionStatus where one exists. */
    enum class Reason
    {
        None,
        NonCookieableScheme,
        DisallowedCharacter,
        NoCookieContent,
        NameValueTooLarge,
        AmbiguousSerialization,
        InvalidDomain,
        PublicSuffixDomain,
        DomainMismatch,
        SecureOnly,
        HttpOnlyFromScript,
        OverwriteSecure,
        OverwriteHttpOnly,
        SameSiteStrict,
        SameSiteLax,
        SameSiteUnspecifiedTreatedAsLax,
        SameSiteNoneInsecure,
        InvalidPrefix,
        InvalidPartitioned,
        ThirdPartyBlocked,
    };

    Status status = Status::Rejected;
    Reason reason = Reason::None;
    SetCookie parsed;
    StoredCookie cookie; ///< what was (or would have been) stored

    bool isStored() const { return status == Status::Stored || status == Status::Replaced; }
    /** Stable identifiers such as "stored" and "secure-only". */
    static QByteArray statusName(Status status);
    static QByteArray reasonName(Reason reason);
    /** One sentence about this outcome, naming the cookie. */
    QString explanation() const;
};

} // namespace CookieLab
