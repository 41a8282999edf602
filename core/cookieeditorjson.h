// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"

namespace CookieLab
{

/**
 * The JSON of the Cookie-Editor and EditThisCookie extensions: an array of the browser
 * extension API's cookie objects (domain, hostOnly, path, secure, httpOnly, sameSite
 * "no_restriction"/"lax"/"strict"/"unspecified", session, expirationDate in seconds, name, value,
 * and Chrome's partitionKey.topLevelSite). read() also takes the DevTools protocol's cookie objects
 * as Puppeteer and Playwright write them (expires in seconds, -1 for a session cookie; sameSite
 * "Strict"/"Lax"/"None"), bare or in an object's "cookies" array (Playwright's storage state).
 */
class CookieEditorJson final
{
public:
    CookieEditorJson() = delete;

    /** Issues are named by JSON path, e.g. "[2].expirationDate". */
    static ImportResult read(QByteArrayView json, qint64 creation);
    static QByteArray write(const QList<StoredCookie> &cookies);
};

} // namespace CookieLab
