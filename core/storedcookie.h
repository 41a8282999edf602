// SPDX-License-Identifier: MIT
#pragma once

#include "core/samesite.h"

#include <QByteArray>
#include <QString>

namespace CookieLab
{

/** A cookie as the jar keeps it (RFC 6265bis §5.7 plus Chromium's partition key). */
struct StoredCookie
{
    QByteArray name;
    QByteArray value;
    QByteArray domain; ///< canonical host (host-only) or Domain attribute value
    QByteArray path;
    bool hostOnly = true;
    bool secure = false;
    bool httpOnly = false;
    bool persistent = false;
    bool partitioned = false;
    SameSite sameSite = SameSite::Unspecified;
    QByteArray partitionKey; ///< top-level site of a partitioned cookie ("https://example.com")
    qint64 creation = 0; ///< ms since epoch
    qint64 lastAccess = 0;
    qint64 expiry = 0; ///< ms since epoch, meaningful when persistent
    quint64 sequence = 0; ///< arrival order: breaks creation-time ties
    QByteArray sourceHeader; ///< the Set-Cookie that created it, when there was one

    friend bool operator==(const StoredCookie &, const StoredCookie &) = default;

    bool isExpired(qint64 nowMsecs) const { return persistent && expiry <= nowMsecs; }
    qsizetype size() const { return name.size() + value.size(); }
    /** The identity of RFC 6265bis §5.7 step 22: same name, domain, host-only flag, path (and partition). */
    bool sameIdentity(const StoredCookie &other) const;
    /** "name=value", or just the value for a nameless cookie. */
    QByteArray pair() const;
    /** Why this cookie could not exist in a jar (control characters, ';' in a value, a bad domain or path); empty when it can. */
    QString problem() const;
};

} // namespace CookieLab
