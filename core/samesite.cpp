// SPDX-License-Identifier: MIT
#include "core/samesite.h"

namespace CookieLab
{

QByteArray sameSiteName(SameSite sameSite)
{
    switch (sameSite) {
    case SameSite::Unspecified: return {};
    case SameSite::Invalid: return QByteArrayLiteral("Invalid");
    case SameSite::Lax: return QByteArrayLiteral("Lax");
    case SameSite::Strict: return QByteArrayLiteral("Strict");
    case SameSite::None: return QByteArrayLiteral("None");
    }
    return {};
}

} // namespace CookieLab
