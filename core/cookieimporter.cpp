// SPDX-License-Identifier: MIT
#include "core/cookieimporter.h"

#include "core/cookieeditorjson.h"
#include "core/cookieheadertext.h"
#include "core/cookiejar.h"
#include "core/exchangelogfile.h"
#include "core/netscapecookiefile.h"
#include "core/sessionfile.h"
#include "core/setcookietext.h"

#include <QDateTime>

namespace CookieLab
{

ImportResult CookieImporter::read(QByteArrayView data, CookieFormat format, const Options &options)
{
    const qint64 now = options.now ? options.now : QDateTime::currentMSecsSinceEpoch();
    if (format == CookieFormat::Unknown)
        format = CookieFormats::detect(data);
    ImportResult result;
    switch (format) {
    case CookieFormat::Har: result = HarFile::read(data, options.progress); break;
    case CookieFormat::ExchangeLog: result = ExchangeLogFile::read(data, options.progress); break;
    case CookieFormat::Session: {
        WorkshopSession session;
        QString error;
        if (!SessionFile::read(data, session, &error)) {
            result.issues.append({QString(), error});
            return result;
        }
        for (const HttpExchangePtr &exchange : std::as_const(session.exchanges))
            result.exchanges.append(*exchange);
        result.cookies = std::move(session.jar);
        return result;
    }
    case CookieFormat::Netscape: return NetscapeCookieFile::read(data, now);
    case CookieFormat::CookieEditorJson: return CookieEditorJson::read(data, now);
    case CookieFormat::CookieHeader: return CookieHeaderText::read(data, options.url, now);
    case CookieFormat::SetCookieLines: return SetCookieText::read(data, options.url, now);
    case CookieFormat::Csv:
    case CookieFormat::CurlCommands:
    case CookieFormat::Unknown:
        result.issues.append({QString(),
            QStringLiteral("not a format CookieLab can import (HAR, exchange log, session, cookies.txt, "
                           "Cookie-Editor JSON, a Cookie header or Set-Cookie lines)")});
        return result;
    }
    if (!result.cancelled)
        result.cookies = replay(result.exchanges);
    return result;
}

QList<StoredCookie> CookieImporter::replay(const QList<HttpExchange> &exchanges)
{
    CookieJar jar;
    qint64 time = 0;
    jar.setClock([&time] { return time; });
    for (const HttpExchange &exchange : exchanges) {
        time = exchange.startedAt;
        const CookieRequestContext context = CookieRequestContext::forUrl(exchange.url);
        for (const QByteArray &header : HttpExchange::values(exchange.responseHeaders, "set-cookie"))
            jar.setCookie(header, context);
    }
    return jar.cookies();
}

} // namespace CookieLab
