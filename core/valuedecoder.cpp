// SPDX-License-Identifier: MIT
#include "core/valuedecoder.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace CookieLab
{

namespace
{

bool allIn(QByteArrayView text, bool (*accept)(uchar))
{
    for (char c : text) {
        if (!accept(uchar(c)))
            return false;
    }
    return !text.isEmpty();
}

bool isBase64Char(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
}

bool isBase64UrlChar(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '=';
}

bool isHexChar(uchar c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QByteArray DecodedValue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::UrlEncoded: return "URL-decoded";
    case Kind::Base64: return "base64";
    case Kind::Base64Url: return "base64url";
    case Kind::Hex: return "hex";
    case Kind::Json: return "JSON";
    case Kind::Jwt: return "JWT";
    }
    return {};
}

std::optional<qint64> DecodedValue::jwtExpiry() const
{
    const QJsonValue exp = jwtPayload.value(QLatin1String("exp"));
    if (!exp.isDouble())
        return std::nullopt;
    return qint64(exp.toDouble()) * 1000;
}

bool ValueDecoder::couldBeBase64Text(QByteArrayView value)
{
    for (qsizetype i = 0; i < value.size(); i += 4) {
        const uchar c = uchar(value[i]);
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return !value.isEmpty();
}

bool ValueDecoder::isMostlyPrintable(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return false;
    qsizetype printable = 0;
    bool high = false;
    for (char c : bytes) {
        const uchar u = uchar(c);
        high = high || u >= 0x80;
        printable += (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r' || u >= 0x80 ? 1 : 0;
    }
    if (high) {
        // Bytes above 0x7F count as text only when they form valid UTF-8.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        [[maybe_unused]] const QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return false;
    }
    return printable * 10 >= bytes.size() * 9;
}

std::optional<QByteArray> ValueDecoder::decodeBase64(QByteArrayView value, bool urlAlphabet)
{
    if (value.size() < 4 || !allIn(value, urlAlphabet ? isBase64UrlChar : isBase64Char))
        return std::nullopt;
    const auto options
        = (urlAlphabet ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) | QByteArray::AbortOnBase64DecodingErrors;
    const auto result = QByteArray::fromBase64Encoding(value.toByteArray(), options);
    if (!result || result.decoded.isEmpty())
        return std::nullopt;
    return result.decoded;
}

std::optional<DecodedValue> ValueDecoder::decodeJwt(QByteArrayView value)
{
    const QList<QByteArray> parts = value.toByteArray().split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const auto header = decodeBase64(parts[0], true);
    const auto payload = decodeBase64(parts[1], true);
    if (!header || !payload)
        return std::nullopt;
    const auto headerJson = jsonObject(*header);
    const auto payloadJson = jsonObject(*payload);
    if (!headerJson || !payloadJson || !headerJson->contains(QLatin1String("alg")))
        return std::nullopt;
    DecodedValue decoded;
    decoded.kind = DecodedValue::Kind::Jwt;
    decoded.bytes = *payload;
    decoded.jwtHeader = *headerJson;
    decoded.jwtPayload = *payloadJson;
    decoded.jwtUnsigned
        = parts[2].isEmpty() || headerJson->value(QLatin1String("alg")).toString().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
    return decoded;
}

QList<DecodedValue> ValueDecoder::decode(QByteArrayView value)
{
    QList<DecodedValue> result;
    if (auto jwt = decodeJwt(value))
        result.append(*jwt);
    QByteArray text = value.toByteArray();
    if (text.contains('%') || text.contains('+')) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(QByteArray(text).replace('+', ' '));
        if (decoded != text) {
            result.append({DecodedValue::Kind::UrlEncoded, decoded, {}, {}, false});
            text = decoded;
        }
    }
    if (text.size() >= 2 && (text.startsWith('{') || text.startsWith('['))) {
        QJsonParseError error;
        QJsonDocument::fromJson(text, &error);
        if (error.error == QJsonParseError::NoError)
            result.append({DecodedValue::Kind::Json, text, {}, {}, false});
    }
    bool hex = false;
    if (text.size() >= 8 && text.size() % 2 == 0 && allIn(text, isHexChar)) {
        const QByteArray bytes = QByteArray::fromHex(text);
        if (isMostlyPrintable(bytes)) {
            result.append({DecodedValue::Kind::Hex, bytes, {}, {}, false});
            hex = true;
        }
    }
    // Unpadded lengths and '-'/'_' mean base64url; padded ones the standard alphabet.
    const bool url = text.contains('-') || text.contains('_') || (!text.contains('=') && text.size() % 4 != 0);
    if (!hex && text.size() >= 8 && result.size() < 2) {
        if (const auto bytes = decodeBase64(text, url); bytes && isMostlyPrintable(*bytes)) {
            result.append({url ? DecodedValue::Kind::Base64Url : DecodedValue::Kind::Base64, *bytes, {}, {}, false});
            if ((bytes->startsWith('{') || bytes->startsWith('[')) && !QJsonDocument::fromJson(*bytes).isNull())
                result.append({DecodedValue::Kind::Json, *bytes, {}, {}, false});
        }
    }
    return result;
}

QString ValueDecoder::serializedObjectKind(QByteArrayView value)
{
    const auto starts = [&](const char *prefix) { return value.startsWith(QByteArrayView(prefix)); };
    static constexpr char JavaMagic[] = {'\xac', '\xed', '\x00', '\x05'}; // contains NUL: sized explicitly
    if (starts("rO0AB") || value.startsWith(QByteArrayView(JavaMagic, sizeof JavaMagic)) || starts("%C2%AC%C3%AD%00%05")
        || starts("aced0005"))
        return QStringLiteral("Java");
    if (starts("AAEAAAD/////"))
        return QStringLiteral(".NET BinaryFormatter");
    if (starts("gASV") || starts("\x80\x04") || starts("gAN"))
        return QStringLiteral("Python pickle");
    if (starts("BAh"))
        return QStringLiteral("Ruby Marshal");
    // PHP: O:<digits>:" or a:<digits>:{ (raw or URL-encoded)
    if (!starts("O:") && !starts("a:") && !starts("O%3A") && !starts("a%3A") && !starts("O%3a") && !starts("a%3a"))
        return {};
    for (const QByteArray &form : {value.toByteArray(), QByteArray::fromPercentEncoding(value.toByteArray())}) {
        if (form.size() > 4 && (form.startsWith("O:") || form.startsWith("a:"))) {
            qsizetype i = 2;
            while (i < form.size() && form[i] >= '0' && form[i] <= '9')
                ++i;
            if (i > 2 && i + 1 < form.size() && form[i] == ':' && (form[i + 1] == '"' || form[i + 1] == '{'))
                return QStringLiteral("PHP");
        }
    }
    return {};
}

} // namespace CookieLab
