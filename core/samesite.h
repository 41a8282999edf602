// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace CookieLab
{

/** The SameSite enforcement a Set-Cookie asked for. Unspecified and Invalid both get "Default" (Lax-like) enforcement. */
enum class SameSite
{
    Unspecified,
    Invalid,
    Lax,
    Strict,
    None,
};

/** "Lax", "Strict", "None", "" (unspecified) or "Invalid". */
QByteArray sameSiteName(SameSite sameSite);

} // namespace CookieLab
