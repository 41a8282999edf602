// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace CookieLab
{

/** HAR 1.2 (browser DevTools' "Save all as HAR", Firefox's "Save All As HAR") ⇄ exchanges. */
class HarFile final
{
public:
    HarFile() = delete;

    /** Told how many bytes have been read of how many; returning false cancels the import. */
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /**
     * Reads every entry as an exchange, one entry at a time (a 200 MB file never becomes one JSON
     * tree). Set-Cookie lines come from the response headers; the lossy "cookies" array is used only
     * when the headers have none. Issues name the JSON path ("log.entries[3].request.url: missing")
     * or the line of a syntax error; entries after a syntax error are not read.
     */
    static ImportResult read(QByteArrayView json, const Progress &progress = {});
    /** The notice read() adds when no entry carries a cookie header (DevTools' sanitized export). */
    static const QString SanitizedNotice;
    /** HAR 1.2 of the exchanges, with request and response cookies arrays filled from the parsed headers. */
    static QByteArray write(const QList<HttpExchangePtr> &exchanges, const QString &creatorVersion);
};

} // namespace CookieLab
