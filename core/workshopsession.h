// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/routecookiepolicy.h"
#include "core/storedcookie.h"

#include <QJsonObject>
#include <QList>

namespace CookieLab
{

/** Everything a workshop needs to carry on after a restart: traffic, the app's jar, how routes behave, progress. */
struct WorkshopSession
{
    QList<HttpExchangePtr> exchanges;
    QList<StoredCookie> jar;
    QList<RouteCookie> routeCookies; ///< the route policy as edited
    QJsonObject vulnerabilities; ///< switch name → on/off
    QJsonObject lessonProgress; ///< lesson id → progress
    qint64 savedAt = 0; ///< ms since epoch
};

} // namespace CookieLab
