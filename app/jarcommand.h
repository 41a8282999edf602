// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace CookieLab
{

/** `cookielab jar [--script FILE] [--profile chromium|rfc6265bis] [--explain]`. */
class JarCommand final
{
public:
    JarCommand() = delete;
    /** arguments start with "jar"; returns the process exit status. */
    static int run(const QStringList &arguments);
};

} // namespace CookieLab
