// SPDX-License-Identifier: MIT
#include "app/serverrequest.h"

namespace CookieLab
{

QByteArray ServerRequest::header(QByteArrayView name) const
{
    const QList<QByteArray> values = HttpExchange::values(headers, name);
    return values.isEmpty() ? QByteArray() : values.first();
}

RequestCookies ServerRequest::cookies() const
{
    return RequestCookies::parse(HttpExchange::values(headers, "cookie"));
}

QList<QPair<QByteArray, QByteArray>> ServerRequest::queryItems() const
{
    QList<QPair<QByteArray, QByteArray>> items;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    const auto decode = [](QByteArray text) { return QByteArray::fromPercentEncoding(text.replace('+', ' ')); };
    for (const QByteArray &piece : query.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0)
            items.append({decode(piece), QByteArray()});
        else
            items.append({decode(piece.left(eq)), decode(piece.mid(eq + 1))});
    }
    return items;
}

} // namespace CookieLab
