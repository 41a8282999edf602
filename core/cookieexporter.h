// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieformat.h"
#include "core/importresult.h"

namespace CookieLab
{

/** Writes cookies or exchanges in an export format (CookieFormats::lostFields says what each loses). */
class CookieExporter final
{
public:
    CookieExporter() = delete;

    /** Cookie formats (and CSV, curl); cookies the format cannot hold are named in skipped. */
    static QByteArray writeCookies(CookieFormat format, const QList<StoredCookie> &cookies, QList<ImportIssue> *skipped = nullptr);
    /** HAR or the exchange log. */
    static QByteArray writeExchanges(CookieFormat format, const QList<HttpExchangePtr> &exchanges, const QString &version);
    /** RFC 4180 CSV with a header row; values a spreadsheet would run as formulas get a leading '. */
    static QByteArray csv(const QList<StoredCookie> &cookies);
    /** One `curl -b 'a=b; c=d' URL` per host. */
    static QByteArray curlCommands(const QList<StoredCookie> &cookies);
};

} // namespace CookieLab
