// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace CookieLab
{

/** `cookielab lint [FILE|-] [--url URL] [--format text|json|sarif] [--fail-on info|low|medium|high]`. */
class LintCommand final
{
public:
    LintCommand() = delete;
    /** arguments start with "lint"; 0: nothing reaches --fail-on, 1: something does, 2: unusable input. */
    static int run(const QStringList &arguments);
};

} // namespace CookieLab
