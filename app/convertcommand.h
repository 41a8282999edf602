// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace CookieLab
{

/** `cookielab convert`: reads any importable format and writes another (cookies.txt, JSON, HAR…). */
class ConvertCommand final
{
public:
    ConvertCommand() = delete;

    /** arguments start with "convert"; returns the exit status (0 done, 2 unusable input or output). */
    static int run(const QStringList &arguments);
};

} // namespace CookieLab
