// SPDX-License-Identifier: MIT
#include "core/harfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CookieLab
{

namespace
{

bool readHeaders(const QJsonValue &value, HeaderList &out)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue header : value.toArray()) {
        const QJsonObject o = header.toObject();
        if (!o.value(QLatin1String("name")).isString())
            return false;
        out.append({o.value(QLatin1String("name")).toString().toUtf8(), o.value(QLatin1String("value")).toString().toUtf8()});
    }
    return true;
}

// Rebuilds a Set-Cookie line from HAR's cookie object (lossy: a last resort).
QByteArray setCookieFrom(const QJsonObject &c)
{
    QByteArray line = c.value(QLatin1String("name")).toString().toUtf8() + '=' + c.value(QLatin1String("value")).toString().toUtf8();
    if (c.contains(QLatin1String("expires"))) {
        const QDateTime expires = QDateTime::fromString(c.value(QLatin1String("expires")).toString(), Qt::ISODate);
        if (expires.isValid())
            line += "; Expires=" + expires.toUTC().toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    }
    if (c.contains(QLatin1String("domain")))
        line += "; Domain=" + c.value(QLatin1String("domain")).toString().toUtf8();
    if (c.contains(QLatin1String("path")))
        line += "; Path=" + c.value(QLatin1String("path")).toString().toUtf8();
    if (c.value(QLatin1String("secure")).toBool())
        line += "; Secure";
    if (c.value(QLatin1String("httpOnly")).toBool())
        line += "; HttpOnly";
    if (c.contains(QLatin1String("sameSite")))
        line += "; SameSite=" + c.value(QLatin1String("sameSite")).toString().toUtf8();
    return line;
}

} // namespace

bool HarFile::read(const QByteArray &json, QList<HttpExchange> &exchanges, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    const QJsonValue entriesValue = document.object().value(QLatin1String("log")).toObject().value(QLatin1String("entries"));
    if (!entriesValue.isArray())
        return fail(QStringLiteral("log.entries: missing or not an array (is this a HAR file?)"));
    const QJsonArray entries = entriesValue.toArray();
    QList<HttpExchange> result;
    result.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("log.entries[%1]").arg(i);
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject request = entry.value(QLatin1String("request")).toObject();
        const QJsonObject response = entry.value(QLatin1String("response")).toObject();
        HttpExchange e;
        e.source = HttpExchange::Source::Imported;
        e.method = request.value(QLatin1String("method")).toString().toLatin1();
        if (e.method.isEmpty())
            return fail(where + QStringLiteral(".request.method: missing"));
        e.url = QUrl(request.value(QLatin1String("url")).toString(), QUrl::StrictMode);
        if (!e.url.isValid() || e.url.isRelative())
            return fail(where + QStringLiteral(".request.url: missing or not an absolute URL"));
        if (!readHeaders(request.value(QLatin1String("headers")), e.requestHeaders))
            return fail(where + QStringLiteral(".request.headers: expected an array of {name, value}"));
        if (!readHeaders(response.value(QLatin1String("headers")), e.responseHeaders))
            return fail(where + QStringLiteral(".response.headers: expected an array of {name, value}"));
        const QJsonValue status = response.value(QLatin1String("status"));
        if (!status.isDouble())
            return fail(where + QStringLiteral(".response.status: missing or not a number"));
        e.status = status.toInt();
        const QDateTime started = QDateTime::fromString(entry.value(QLatin1String("startedDateTime")).toString(), Qt::ISODateWithMs);
        if (!started.isValid())
            return fail(where + QStringLiteral(".startedDateTime: missing or not an ISO 8601 date"));
        e.startedAt = started.toMSecsSinceEpoch();
        const double milliseconds = entry.value(QLatin1String("time")).toDouble();
        e.durationUsecs = milliseconds > 0 && milliseconds < 1e12 ? qint64(milliseconds * 1000) : 0; // -1 means unknown in HAR
        e.clientAddress = QStringLiteral("har");
        const QByteArray body = request.value(QLatin1String("postData")).toObject().value(QLatin1String("text")).toString().toUtf8();
        HttpExchange::setBody(e.requestBody, e.requestBodySize, body);
        const QByteArray responseBody
            = response.value(QLatin1String("content")).toObject().value(QLatin1String("text")).toString().toUtf8();
        HttpExchange::setBody(e.responseBody, e.responseBodySize, responseBody);
        if (HttpExchange::values(e.responseHeaders, "set-cookie").isEmpty()) {
            for (const QJsonValue cookie : response.value(QLatin1String("cookies")).toArray())
                e.responseHeaders.append({QByteArrayLiteral("Set-Cookie"), setCookieFrom(cookie.toObject())});
        }
        // Some exporters put several Set-Cookie lines into one header value, separated by newlines.
        HeaderList split;
        for (const auto &[name, value] : std::as_const(e.responseHeaders)) {
            if (name.compare("set-cookie", Qt::CaseInsensitive) == 0 && value.contains('\n')) {
                for (const QByteArray &line : value.split('\n'))
                    split.append({name, line});
            } else {
                split.append({name, value});
            }
        }
        e.responseHeaders = split;
        result.append(std::move(e));
    }
    exchanges = std::move(result);
    return true;
}

} // namespace CookieLab
