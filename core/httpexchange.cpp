// SPDX-License-Identifier: MIT
#include "core/httpexchange.h"

#include "core/httpsyntax.h"
#include "core/setcookieparser.h"

#include <QUrl>

namespace CookieLab
{

QList<QByteArray> HttpExchange::values(const HeaderList &headers, QByteArrayView name)
{
    QList<QByteArray> result;
    for (const auto &header : headers) {
        if (header.first.size() == name.size() && QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            result.append(header.second);
    }
    return result;
}

QByteArray HttpExchange::path() const
{
    return url.path(QUrl::FullyEncoded).toLatin1();
}

void HttpExchange::setBody(QByteArray &target, qsizetype &targetSize, const QByteArray &body, qsizetype limit)
{
    targetSize = body.size();
    target = body.size() > limit ? body.left(limit) : body;
}

QList<SetCookie> HttpExchange::setCookies() const
{
    QList<SetCookie> parsed;
    for (const QByteArray &header : values(responseHeaders, "set-cookie"))
        parsed.append(SetCookieParser::parse(header, startedAt));
    return parsed;
}

} // namespace CookieLab
