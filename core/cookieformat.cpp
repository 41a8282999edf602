// SPDX-License-Identifier: MIT
#include "core/cookieformat.h"

#include "core/httpsyntax.h"

#include <QFileInfo>

namespace CookieLab
{

namespace
{

struct FormatInfo
{
    CookieFormat format;
    const char *name;
    const char *title;
    const char *suffix;
};

constexpr FormatInfo formats[] = {
    {CookieFormat::Har, "har", "HAR 1.2 (browser DevTools)", "har"},
    {CookieFormat::ExchangeLog, "jsonl", "CookieLab exchange log (JSON lines)", "jsonl"},
    {CookieFormat::Session, "session", "CookieLab session", "cookielab"},
    {CookieFormat::Netscape, "netscape", "Netscape cookies.txt (curl, wget)", "txt"},
    {CookieFormat::CookieEditorJson, "json", "Cookie-Editor / EditThisCookie JSON", "json"},
    {CookieFormat::CookieHeader, "header", "Cookie header (a=b; c=d)", "txt"},
    {CookieFormat::SetCookieLines, "set-cookie", "Set-Cookie lines", "txt"},
    {CookieFormat::Csv, "csv", "CSV of the jar", "csv"},
    {CookieFormat::CurlCommands, "curl", "curl -b command lines", "sh"},
};

const FormatInfo *infoOf(CookieFormat format)
{
    for (const FormatInfo &info : formats) {
        if (info.format == format)
            return &info;
    }
    return nullptr;
}

QByteArrayView firstLine(QByteArrayView text)
{
    const qsizetype end = text.indexOf('\n');
    QByteArrayView line = end < 0 ? text : text.first(end);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool isNetscapeLine(QByteArrayView line)
{
    if (HttpSyntax::startsWithLowerCase(line, "#httponly_"))
        line = line.sliced(10);
    const QList<QByteArray> fields = line.toByteArray().split('\t');
    return (fields.size() == 7 || fields.size() == 6) && (fields.at(1) == "TRUE" || fields.at(1) == "FALSE");
}

bool hasCookieAttribute(QByteArrayView line)
{
    for (const QByteArray &part : line.toByteArray().split(';').mid(1)) {
        const QByteArray name = part.trimmed().split('=').constFirst().toLower();
        if (name == "path" || name == "domain" || name == "expires" || name == "max-age" || name == "secure" || name == "httponly"
            || name == "samesite" || name == "partitioned")
            return true;
    }
    return false;
}

} // namespace

CookieFormat CookieFormats::detect(QByteArrayView data, const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("har"))
        return CookieFormat::Har;
    if (suffix == QLatin1String("jsonl"))
        return CookieFormat::ExchangeLog;
    if (suffix == QLatin1String("cookielab"))
        return CookieFormat::Session;

    QByteArrayView text = data;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
        text = text.sliced(1);
    if (text.isEmpty())
        return CookieFormat::Unknown;
    const QByteArrayView head = text.first(qMin<qsizetype>(text.size(), 4096));
    if (text.front() == '[')
        return CookieFormat::CookieEditorJson;
    if (text.front() == '{') {
        if (head.contains("\"cookielab-session\""))
            return CookieFormat::Session;
        const QByteArrayView line = firstLine(text);
        if (line.size() < text.size() && line.endsWith('}') && line.contains("\"startedAt\""))
            return CookieFormat::ExchangeLog;
        if (head.contains("\"log\"") || head.contains("\"entries\""))
            return CookieFormat::Har;
        if (head.contains("\"cookies\""))
            return CookieFormat::CookieEditorJson; // Playwright's storage state, the DevTools protocol's getCookies
        if (line.contains("\"startedAt\""))
            return CookieFormat::ExchangeLog;
        return CookieFormat::Unknown;
    }
    if (head.startsWith("# Netscape HTTP Cookie File") || head.startsWith("# HTTP Cookie File") || isNetscapeLine(firstLine(text)))
        return CookieFormat::Netscape;
    if (HttpSyntax::startsWithLowerCase(head, "set-cookie:") || HttpSyntax::startsWithLowerCase(head, "http/"))
        return CookieFormat::SetCookieLines;
    if (HttpSyntax::startsWithLowerCase(head, "cookie:"))
        return CookieFormat::CookieHeader;
    const QByteArrayView line = firstLine(text);
    const bool severalLines = text.trimmed().contains('\n');
    if (severalLines) {
        // Netscape files may start with comments; Set-Cookie dumps with other headers.
        for (const QByteArray &l : text.toByteArray().split('\n')) {
            if (isNetscapeLine(l.trimmed()))
                return CookieFormat::Netscape;
        }
        return CookieFormat::SetCookieLines;
    }
    return hasCookieAttribute(line) ? CookieFormat::SetCookieLines : CookieFormat::CookieHeader;
}

QString CookieFormats::name(CookieFormat format)
{
    const FormatInfo *info = infoOf(format);
    return info ? QLatin1String(info->name) : QStringLiteral("unknown");
}

CookieFormat CookieFormats::fromName(const QString &name)
{
    for (const FormatInfo &info : formats) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.format;
    }
    return CookieFormat::Unknown;
}

QString CookieFormats::title(CookieFormat format)
{
    const FormatInfo *info = infoOf(format);
    return info ? QLatin1String(info->title) : QStringLiteral("unknown format");
}

QString CookieFormats::fileSuffix(CookieFormat format)
{
    const FormatInfo *info = infoOf(format);
    return info ? QLatin1String(info->suffix) : QString();
}

bool CookieFormats::holdsExchanges(CookieFormat format)
{
    return format == CookieFormat::Har || format == CookieFormat::ExchangeLog || format == CookieFormat::Session;
}

bool CookieFormats::canImport(CookieFormat format)
{
    return format != CookieFormat::Unknown && format != CookieFormat::Csv && format != CookieFormat::CurlCommands;
}

QList<CookieFormat> CookieFormats::exportFormats()
{
    return {CookieFormat::Netscape, CookieFormat::CookieEditorJson, CookieFormat::CookieHeader, CookieFormat::SetCookieLines,
        CookieFormat::Csv, CookieFormat::CurlCommands, CookieFormat::Har, CookieFormat::ExchangeLog};
}

QStringList CookieFormats::lostFields(CookieFormat format)
{
    switch (format) {
    case CookieFormat::Netscape:
        return {QStringLiteral("SameSite (the format has no field for it)"), QStringLiteral("Partitioned and the partition key"),
            QStringLiteral("HttpOnly is kept only as the #HttpOnly_ prefix, which curl reads and wget ignores"),
            QStringLiteral("session cookies are written with expiry 0 (curl and wget read 0 as a session cookie)"),
            QStringLiteral("expiry below one second"), QStringLiteral("creation and last-access times")};
    case CookieFormat::CookieEditorJson:
        return {QStringLiteral("creation and last-access times"), QStringLiteral("an invalid SameSite value becomes \"unspecified\"")};
    case CookieFormat::CookieHeader:
        return {QStringLiteral("every attribute: Domain, Path, Expires, Secure, HttpOnly, SameSite, Partitioned"),
            QStringLiteral("which site each cookie belongs to (imported pairs become host-only session cookies of the URL given)")};
    case CookieFormat::SetCookieLines:
        return {QStringLiteral("which site each cookie belongs to (lines are stored again as received from the URL given)"),
            QStringLiteral("the partition key"), QStringLiteral("expiry below one second"),
            QStringLiteral("creation and last-access times")};
    case CookieFormat::Csv:
        return {QStringLiteral("values that a spreadsheet would run as a formula (starting with = + - @) get a leading '")};
    case CookieFormat::CurlCommands: return {QStringLiteral("every attribute: only name=value pairs go to curl, one command per host")};
    case CookieFormat::Har:
        return {QStringLiteral("the app's own jar and route settings (HAR holds traffic only)"),
            QStringLiteral("bodies beyond the 64 KiB CookieLab keeps per exchange"),
            QStringLiteral("HAR's cookies arrays have no Partitioned field (the Set-Cookie headers keep it)")};
    case CookieFormat::ExchangeLog:
        return {QStringLiteral("the app's own jar and route settings (the log holds traffic only)"),
            QStringLiteral("findings (recomputed when the log is read)")};
    case CookieFormat::Session:
    case CookieFormat::Unknown: break;
    }
    return {};
}

} // namespace CookieLab
