// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1String>

class QLabel;

namespace CookieLab
{

/** Text colours that stay readable on light and dark palettes. */
class ThemeColours final
{
public:
    ThemeColours() = delete;

    /** Whether the application palette's base (text field background) is dark. */
    static bool darkBase();
    /** onLight on a light base, onDark on a dark one (both "#rrggbb"). */
    static QLatin1String pick(const char *onLight, const char *onDark);
    /** Red text for a label that says what is wrong with the user's input. */
    static void markAsProblem(QLabel *label);
};

} // namespace CookieLab
