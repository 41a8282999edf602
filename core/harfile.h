// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace CookieLab
{

/** HAR 1.2 (browser DevTools' "Save all as HAR") ⇄ exchanges. */
class HarFile final
{
public:
    HarFile() = delete;

    /**
     * Reads every entry as an exchange. Set-Cookie lines come from the response headers; the
     * lossy "cookies" array is used only when the headers have none. On failure returns false
     * and names the JSON path, e.g. "log.entries[3].request.url: missing".
     */
    static bool read(const QByteArray &json, QList<HttpExchange> &exchanges, QString *error);
};

} // namespace CookieLab
