// SPDX-License-Identifier: MIT
#include "core/exchangejson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace CookieLab
{

QJsonValue ExchangeJson::bytesToJson(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    return QJsonObject{{QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())}};
}

bool ExchangeJson::bytesFromJson(const QJsonValue &value, QByteArray &out)
{
    if (value.isString()) {
        out = value.toString().toUtf8();
        return true;
    }
    if (value.isObject() && value.toObject().value(QLatin1String("base64")).isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toObject().value(QLatin1String("base64")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        out = decoded.decoded;
        return bool(decoded);
    }
    return value.isUndefined() || value.isNull();
}

namespace
{

QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{ExchangeJson::bytesToJson(name), ExchangeJson::bytesToJson(value)});
    return array;
}

bool headersFromJson(const QJsonValue &value, HeaderList &out)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue entry : value.toArray()) {
        const QJsonArray pair = entry.toArray();
        QByteArray name, text;
        if (pair.size() != 2 || !ExchangeJson::bytesFromJson(pair.at(0), name) || !ExchangeJson::bytesFromJson(pair.at(1), text))
            return false;
        out.append({name, text});
    }
    return true;
}

QString sourceName(HttpExchange::Source source)
{
    switch (source) {
    case HttpExchange::Source::Server: return QStringLiteral("server");
    case HttpExchange::Source::Client: return QStringLiteral("client");
    case HttpExchange::Source::Imported: return QStringLiteral("imported");
    case HttpExchange::Source::Event: return QStringLiteral("event");
    }
    return {};
}

} // namespace

QJsonObject ExchangeJson::toJson(const HttpExchange &e)
{
    QJsonObject object{
        {QStringLiteral("id"), qint64(e.id)},
        {QStringLiteral("source"), sourceName(e.source)},
        {QStringLiteral("startedAt"), QDateTime::fromMSecsSinceEpoch(e.startedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("durationUs"), e.durationUsecs},
        {QStringLiteral("client"), e.clientAddress},
        {QStringLiteral("method"), QString::fromLatin1(e.method)},
        {QStringLiteral("url"), QString::fromUtf8(e.url.toEncoded())},
        {QStringLiteral("requestHeaders"), headersToJson(e.requestHeaders)},
        {QStringLiteral("requestBody"), ExchangeJson::bytesToJson(e.requestBody)},
        {QStringLiteral("requestBodySize"), e.requestBodySize},
        {QStringLiteral("status"), e.status},
        {QStringLiteral("responseHeaders"), headersToJson(e.responseHeaders)},
        {QStringLiteral("responseBody"), ExchangeJson::bytesToJson(e.responseBody)},
        {QStringLiteral("responseBodySize"), e.responseBodySize},
    };
    if (!e.note.isEmpty())
        object.insert(QStringLiteral("note"), e.note);
    return object;
}

QByteArray ExchangeJson::redactPasswords(const QByteArray &body)
{
    const auto isSecret = [](const QString &name) {
        const QString lower = name.toLower();
        return lower.contains(QLatin1String("pass")) || lower == QLatin1String("pwd") || lower.contains(QLatin1String("secret"));
    };
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        QJsonObject object = document.object();
        bool changed = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecret(it.key())) {
                it.value() = QStringLiteral("********");
                changed = true;
            }
        }
        return changed ? QJsonDocument(object).toJson(QJsonDocument::Compact) : body;
    }
    // application/x-www-form-urlencoded
    QList<QByteArray> pairs = body.split('&');
    bool changed = false;
    for (QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && isSecret(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))))) {
            pair = pair.left(eq + 1) + "********";
            changed = true;
        }
    }
    return changed ? pairs.join('&') : body;
}

QJsonObject ExchangeJson::toRedactedJson(const HttpExchange &exchange)
{
    QJsonObject object = toJson(exchange);
    object.insert(QStringLiteral("requestBody"), ExchangeJson::bytesToJson(redactPasswords(exchange.requestBody)));
    return object;
}

bool ExchangeJson::fromJson(const QJsonObject &o, HttpExchange &e, QString *error)
{
    const auto fail = [error](const char *field) {
        if (error)
            *error = QStringLiteral("field \"%1\" is missing or has the wrong type").arg(QLatin1String(field));
        return false;
    };
    const QDateTime started = QDateTime::fromString(o.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    if (!started.isValid())
        return fail("startedAt");
    e.startedAt = started.toMSecsSinceEpoch();
    if (!o.value(QLatin1String("method")).isString())
        return fail("method");
    e.method = o.value(QLatin1String("method")).toString().toLatin1();
    e.url = QUrl::fromEncoded(o.value(QLatin1String("url")).toString().toUtf8(), QUrl::StrictMode);
    if (!e.url.isValid() || e.url.isRelative())
        return fail("url");
    if (!o.value(QLatin1String("status")).isDouble())
        return fail("status");
    e.status = o.value(QLatin1String("status")).toInt();
    if (!headersFromJson(o.value(QLatin1String("requestHeaders")), e.requestHeaders))
        return fail("requestHeaders");
    if (!headersFromJson(o.value(QLatin1String("responseHeaders")), e.responseHeaders))
        return fail("responseHeaders");
    if (!ExchangeJson::bytesFromJson(o.value(QLatin1String("requestBody")), e.requestBody))
        return fail("requestBody");
    if (!ExchangeJson::bytesFromJson(o.value(QLatin1String("responseBody")), e.responseBody))
        return fail("responseBody");
    e.requestBodySize = qMax<qsizetype>(e.requestBody.size(), o.value(QLatin1String("requestBodySize")).toInteger());
    e.responseBodySize = qMax<qsizetype>(e.responseBody.size(), o.value(QLatin1String("responseBodySize")).toInteger());
    e.durationUsecs = o.value(QLatin1String("durationUs")).toInteger();
    e.clientAddress = o.value(QLatin1String("client")).toString();
    e.note = o.value(QLatin1String("note")).toString();
    e.source = HttpExchange::Source::Imported;
    for (const auto source : {HttpExchange::Source::Server, HttpExchange::Source::Client, HttpExchange::Source::Event}) {
        if (o.value(QLatin1String("source")).toString() == sourceName(source))
            e.source = source;
    }
    return true;
}

} // namespace CookieLab
