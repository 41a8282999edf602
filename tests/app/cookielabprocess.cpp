// SPDX-License-Identifier: MIT
#include "cookielabprocess.h"

#include <QProcess>

CookielabRun runCookielab(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(COOKIELAB_BINARY), arguments);
    if (!process.waitForStarted())
        return {-1, {}, process.errorString().toUtf8()};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}
