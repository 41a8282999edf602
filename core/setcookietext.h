// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"

#include <QUrl>

namespace CookieLab
{

/** Raw Set-Cookie lines: one per line, an optional "Set-Cookie:" prefix; other lines of a pasted response are skipped. */
class SetCookieText final
{
public:
    SetCookieText() = delete;

    struct Line
    {
        int number = 0; ///< 1-based
        int column = 0; ///< where the value starts
        QByteArray value;
    };

    /** The Set-Cookie values of a text; an error names the line of a NUL byte or says that none were found. */
    static QList<Line> lines(QByteArrayView text, QString *error);
    /** Stores every line in a fresh jar as if received from url, at time now; refused lines are issues. */
    static ImportResult read(QByteArrayView text, const QUrl &url, qint64 now);
    /** One Set-Cookie value per cookie (Expires as an IMF-fixdate), which stores the same cookie when received from its own host. */
    static QByteArray write(const QList<StoredCookie> &cookies);
    static QByteArray toSetCookie(const StoredCookie &cookie);
};

} // namespace CookieLab
