// SPDX-License-Identifier: MIT
#pragma once

#include "core/workshopsession.h"

#include <QString>

namespace CookieLab
{

/** The .cookielab session file: one JSON document, written atomically (QSaveFile) so a crash never leaves half a file. */
class SessionFile final
{
public:
    SessionFile() = delete;

    static constexpr int Version = 1;

    static QByteArray write(const WorkshopSession &session);
    /** On failure returns false and names the JSON path that is wrong; session is untouched then. */
    static bool read(QByteArrayView data, WorkshopSession &session, QString *error);
    /** Writes to a temporary file beside path and renames it over path. */
    static bool save(const QString &path, const WorkshopSession &session, QString *error);
    static bool load(const QString &path, WorkshopSession &session, QString *error);
};

} // namespace CookieLab
