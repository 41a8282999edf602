// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace CookieLab
{

/** One way of reading a cookie value. */
struct DecodedValue
{
    enum class Kind
    {
        UrlEncoded,
        Base64,
        Base64Url,
        Hex,
        Json,
        Jwt,
    };
    Kind kind = Kind::UrlEncoded;
    QByteArray bytes; ///< the decoded bytes
    QJsonObject jwtHeader; ///< for Jwt
    QJsonObject jwtPayload; ///< for Jwt
    bool jwtUnsigned = false; ///< alg none or an empty signature

    static QByteArray kindName(Kind kind);
    /** exp of a JWT as ms since epoch. */
    std::optional<qint64> jwtExpiry() const;
};

/** Decoders used by the content rules and shown beside a cookie in the UI. */
class ValueDecoder final
{
public:
    ValueDecoder() = delete;

    /** Every plausible decoding, most specific first (a JWT before its base64 parts). */
    static QList<DecodedValue> decode(QByteArrayView value);
    static std::optional<DecodedValue> decodeJwt(QByteArrayView value);
    static std::optional<QByteArray> decodeBase64(QByteArrayView value, bool urlAlphabet);
    /** "Java", ".NET BinaryFormatter", "PHP", "Python pickle", "Ruby Marshal", or empty. */
    static QString serializedObjectKind(QByteArrayView value);
    /**
     * A cheap test before decoding: base64 of ASCII text has every 4-character group start with
     * A–Z or a–f (the top bit of each byte is 0), which random tokens almost never do.
     */
    static bool couldBeBase64Text(QByteArrayView value);
    /** True when most bytes are printable text (decodings of random bytes are not shown). */
    static bool isMostlyPrintable(QByteArrayView bytes);
};

} // namespace CookieLab
