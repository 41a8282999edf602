// SPDX-License-Identifier: MIT
#include "core/requestcookies.h"

#include "core/httpsyntax.h"

namespace CookieLab
{

namespace
{

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && HttpSyntax::isWsp(uchar(text.front())))
        text = text.sliced(1);
    while (!text.isEmpty() && HttpSyntax::isWsp(uchar(text.back())))
        text.chop(1);
    return text;
}

void appendPairs(QList<CookiePair> &pairs, QByteArrayView header)
{
    qsizetype pos = 0;
    while (pos <= header.size()) {
        qsizetype end = header.indexOf(';', pos);
        if (end < 0)
            end = header.size();
        const QByteArrayView piece = trimmed(header.sliced(pos, end - pos));
        pos = end + 1;
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0)
            pairs.append({QByteArray(), piece.toByteArray()});
        else
            pairs.append({trimmed(piece.first(eq)).toByteArray(), trimmed(piece.sliced(eq + 1)).toByteArray()});
    }
}

} // namespace

QByteArray CookiePair::unquotedValue() const
{
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        return value.sliced(1, value.size() - 2);
    return value;
}

RequestCookies::RequestCookies(QList<CookiePair> pairs)
    : m_pairs(std::move(pairs))
{
}

RequestCookies RequestCookies::parse(QByteArrayView header)
{
    QList<CookiePair> pairs;
    appendPairs(pairs, header);
    return RequestCookies(std::move(pairs));
}

RequestCookies RequestCookies::parse(const QList<QByteArray> &headers)
{
    QList<CookiePair> pairs;
    for (const QByteArray &header : headers)
        appendPairs(pairs, header);
    return RequestCookies(std::move(pairs));
}

std::optional<QByteArray> RequestCookies::value(QByteArrayView name) const
{
    for (const CookiePair &pair : m_pairs) {
        if (pair.name == name)
            return pair.value;
    }
    return std::nullopt;
}

} // namespace CookieLab
