// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace CookieLab
{

/** `cookielab serve [--port N] [--bind ADDR] [--users FILE] [--log FILE.jsonl] …`: the server without a window. */
class ServeCommand final
{
public:
    ServeCommand() = delete;
    /** arguments start with "serve"; runs until SIGINT/SIGTERM; returns the exit status. */
    static int run(const QStringList &arguments);
};

} // namespace CookieLab
