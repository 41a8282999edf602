// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieformat.h"
#include "core/harfile.h"
#include "core/importresult.h"

#include <QUrl>

namespace CookieLab
{

/** Reads any importable format into cookies and exchanges. */
class CookieImporter final
{
public:
    CookieImporter() = delete;

    struct Options
    {
        /** The site a Cookie header or Set-Cookie lines came from (those formats do not say). */
        QUrl url = QUrl(QStringLiteral("https://example.com/"));
        qint64 now = 0; ///< creation time of imported cookies; 0: the wall clock
        HarFile::Progress progress;
    };

    /**
     * format Unknown detects it. For traffic (HAR, exchange log) cookies is the jar a browser would
     * hold after the exchanges, replayed in order with each one's own time and URL.
     */
    static ImportResult read(QByteArrayView data, CookieFormat format, const Options &options);
    /** The cookies a browser holds after receiving these exchanges' Set-Cookie lines in order. */
    static QList<StoredCookie> replay(const QList<HttpExchange> &exchanges);
};

} // namespace CookieLab
