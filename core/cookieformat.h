// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace CookieLab
{

/** The file and text formats CookieLab reads and writes. */
enum class CookieFormat
{
    Unknown,
    Har, ///< HAR 1.2 (browser DevTools, HTTP Toolkit, mitmproxy); exchanges
    ExchangeLog, ///< JSON lines of `cookielab serve --log`; exchanges
    Session, ///< a saved workshop session (.cookielab)
    Netscape, ///< cookies.txt of curl and wget
    CookieEditorJson, ///< Cookie-Editor / EditThisCookie JSON (browser extension API objects)
    CookieHeader, ///< "a=b; c=d"
    SetCookieLines, ///< raw Set-Cookie lines, one per line
    Csv, ///< the jar as CSV (export only)
    CurlCommands, ///< `curl -b '…' URL` lines (export only)
};

/** Names, detection and the limits of each format. */
class CookieFormats final
{
public:
    CookieFormats() = delete;

    /** Guesses the format from the content (and the file name's suffix, when there is one). */
    static CookieFormat detect(QByteArrayView data, const QString &fileName = {});
    /** "har", "jsonl", "session", "netscape", "json", "header", "set-cookie", "csv", "curl". */
    static QString name(CookieFormat format);
    static CookieFormat fromName(const QString &name);
    /** For people: "Netscape cookies.txt (curl, wget)". */
    static QString title(CookieFormat format);
    static QString fileSuffix(CookieFormat format);
    static bool holdsExchanges(CookieFormat format);
    static bool canImport(CookieFormat format);
    /** Every format that can be exported, in menu order. */
    static QList<CookieFormat> exportFormats();
    /** What a cookie loses when written in this format; empty when nothing is lost. */
    static QStringList lostFields(CookieFormat format);
};

} // namespace CookieLab
