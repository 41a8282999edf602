// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/storedcookie.h"

#include <QString>

namespace CookieLab
{

class LessonProgress;

/** The take-home report of a workshop session: findings by rule, the exchanges, the jar and lesson progress, as HTML. */
class SessionReport final
{
public:
    SessionReport() = delete;

    static constexpr qsizetype MaxExchangeRows = 2000; ///< the newest; the findings summary counts them all

    struct Input
    {
        QString title = QStringLiteral("CookieLab session report");
        QList<HttpExchangePtr> exchanges;
        QList<StoredCookie> jar;
        const LessonProgress *lessons = nullptr;
        qint64 generatedAt = 0; ///< ms since epoch
    };

    /** Self-contained HTML (no scripts, no external resources); QTextDocument renders it to PDF. */
    static QString html(const Input &input);
};

} // namespace CookieLab
