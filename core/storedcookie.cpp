// SPDX-License-Identifier: MIT
#include "core/storedcookie.h"

namespace CookieLab
{

bool StoredCookie::sameIdentity(const StoredCookie &other) const
{
    return name == other.name && domain == other.domain && hostOnly == other.hostOnly && path == other.path
        && partitionKey == other.partitionKey;
}

QByteArray StoredCookie::pair() const
{
    if (name.isEmpty())
        return value;
    return QByteArray(name).append('=').append(value);
}

} // namespace CookieLab
