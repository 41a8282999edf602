// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace CookieLab
{

/** One name=value pair of a Cookie request header, in the order it was sent. */
struct CookiePair
{
    QByteArray name; ///< empty for a nameless cookie (a piece without '=')
    QByteArray value; ///< as sent, quotes kept

    /** The value without one pair of surrounding double quotes. */
    QByteArray unquotedValue() const;
    friend bool operator==(const CookiePair &, const CookiePair &) = default;
};

/** The server side of `request.cookies`: every pair of a Cookie header, duplicates and nameless ones kept. */
class RequestCookies final
{
public:
    RequestCookies() = default;
    explicit RequestCookies(QList<CookiePair> pairs);

    /** Parses one Cookie header value ("a=1; b=2"). */
    static RequestCookies parse(QByteArrayView header);
    /** Parses every Cookie header of a request, in order (HTTP/2 may split them). */
    static RequestCookies parse(const QList<QByteArray> &headers);

    const QList<CookiePair> &pairs() const { return m_pairs; }
    /** The first pair with that name: browsers send the most specific path first. */
    std::optional<QByteArray> value(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return value(name).has_value(); }
    qsizetype size() const { return m_pairs.size(); }
    bool isEmpty() const { return m_pairs.isEmpty(); }

private:
    QList<CookiePair> m_pairs;
};

} // namespace CookieLab
