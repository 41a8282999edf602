// SPDX-License-Identifier: MIT
#include "core/cookieexporter.h"

#include "core/cookieeditorjson.h"
#include "core/cookieheadertext.h"
#include "core/exchangelogfile.h"
#include "core/harfile.h"
#include "core/netscapecookiefile.h"
#include "core/outgoingrequest.h"
#include "core/setcookietext.h"

#include <QDateTime>

namespace CookieLab
{

namespace
{

QByteArray csvField(QByteArray text)
{
    if (!text.isEmpty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@'))
        text.prepend('\'');
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    return '"' + text.replace("\"", "\"\"") + '"';
}

QByteArray isoTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

} // namespace

QByteArray CookieExporter::writeCookies(CookieFormat format, const QList<StoredCookie> &cookies, QList<ImportIssue> *skipped)
{
    switch (format) {
    case CookieFormat::Netscape: return NetscapeCookieFile::write(cookies, skipped);
    case CookieFormat::CookieEditorJson: return CookieEditorJson::write(cookies);
    case CookieFormat::CookieHeader: return CookieHeaderText::write(cookies);
    case CookieFormat::SetCookieLines: return SetCookieText::write(cookies);
    case CookieFormat::Csv: return csv(cookies);
    case CookieFormat::CurlCommands: return curlCommands(cookies);
    default: return {};
    }
}

QByteArray CookieExporter::writeExchanges(CookieFormat format, const QList<HttpExchangePtr> &exchanges, const QString &version)
{
    if (format == CookieFormat::Har)
        return HarFile::write(exchanges, version);
    if (format == CookieFormat::ExchangeLog)
        return ExchangeLogFile::write(exchanges);
    return {};
}

QByteArray CookieExporter::csv(const QList<StoredCookie> &cookies)
{
    QByteArray out
        = "name,value,domain,host_only,path,expires,secure,http_only,same_site,partitioned,partition_key,created,last_access\r\n";
    const auto flag = [](bool value) { return value ? QByteArrayLiteral("true") : QByteArrayLiteral("false"); };
    for (const StoredCookie &c : cookies) {
        const QList<QByteArray> fields{csvField(c.name), csvField(c.value), csvField(c.domain), flag(c.hostOnly), csvField(c.path),
            c.persistent ? isoTime(c.expiry) : QByteArrayLiteral("session"), flag(c.secure), flag(c.httpOnly), sameSiteName(c.sameSite),
            flag(c.partitioned), csvField(c.partitionKey), isoTime(c.creation), isoTime(c.lastAccess)};
        out += fields.join(',') + "\r\n";
    }
    return out;
}

QByteArray CookieExporter::curlCommands(const QList<StoredCookie> &cookies)
{
    QList<QByteArray> hosts;
    for (const StoredCookie &c : cookies) {
        if (!hosts.contains(c.domain))
            hosts.append(c.domain);
    }
    QByteArray out = "# One command per host: the cookies CookieLab holds for it (curl gets name=value pairs only).\n";
    for (const QByteArray &host : hosts) {
        QList<StoredCookie> forHost;
        bool secure = false;
        for (const StoredCookie &c : cookies) {
            if (c.domain == host) {
                forHost.append(c);
                secure = secure || c.secure;
            }
        }
        OutgoingRequest request;
        request.url = QUrl(QString::fromUtf8((secure ? "https://" : "http://") + host + '/'));
        out += request.toCurl(CookieHeaderText::write(forHost).chopped(1)) + '\n';
    }
    return out;
}

} // namespace CookieLab
