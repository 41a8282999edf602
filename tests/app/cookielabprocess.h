// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringList>

/** What one run of the real `cookielab` executable did. */
struct CookielabRun
{
    int exitCode = -1; ///< -1 when it could not be started
    QByteArray out;
    QByteArray err;
};

/** Runs `cookielab <arguments…>` with input on standard input and waits for it to finish. */
CookielabRun runCookielab(const QStringList &arguments, const QByteArray &input = {});
