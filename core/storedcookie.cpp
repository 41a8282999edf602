// SPDX-License-Identifier: MIT
#include "core/storedcookie.h"

#include "core/httpsyntax.h"

#include <algorithm>

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

QString StoredCookie::problem() const
{
    const auto hasControl = [](QByteArrayView text) {
        return std::any_of(text.begin(), text.end(), [](char c) { return HttpSyntax::isCookieControl(uchar(c)); });
    };
    if (name.isEmpty() && value.isEmpty())
        return QStringLiteral("the name and the value are both empty");
    if (hasControl(name) || name.contains('\t') || name.contains(';') || name.contains('='))
        return QStringLiteral("the name contains a control character, ';' or '='");
    if (hasControl(value) || value.contains(';'))
        return QStringLiteral("the value contains a control character or ';'");
    const auto isHostByte = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':'
            || c == '[' || c == ']';
    };
    if (domain.isEmpty() || domain.startsWith('.') || !std::all_of(domain.begin(), domain.end(), isHostByte))
        return QStringLiteral("the domain \"%1\" is not a host name").arg(QString::fromUtf8(domain));
    if (!path.startsWith('/') || hasControl(path) || path.contains(';'))
        return QStringLiteral("the path \"%1\" does not start with '/' or contains ';' or a control character")
            .arg(QString::fromUtf8(path));
    return {};
}

} // namespace CookieLab
