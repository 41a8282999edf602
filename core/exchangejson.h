// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QJsonObject>
#include <QString>

namespace CookieLab
{

/**
 * HttpExchange ⇄ JSON: the line format of `cookielab serve --log FILE.jsonl`. Bytes that are not
 * UTF-8 are written as {"base64": "…"} so nothing is lost.
 */
class ExchangeJson final
{
public:
    ExchangeJson() = delete;

    static QJsonObject toJson(const HttpExchange &exchange);
    /** The same, with password fields of JSON and form request bodies replaced by "********". */
    static QJsonObject toRedactedJson(const HttpExchange &exchange);
    /** A request body with the values of fields named like passwords masked; other bytes unchanged. */
    static QByteArray redactPasswords(const QByteArray &body);
    /** Bytes as a JSON string when they are UTF-8, else as {"base64": "…"}. */
    static QJsonValue bytesToJson(const QByteArray &bytes);
    /** The reverse; false when the value is neither. Undefined and null read as empty. */
    static bool bytesFromJson(const QJsonValue &value, QByteArray &out);
    /** Reads one object (source as written: callers that import set Imported); on failure returns false and says which field is wrong. */
    static bool fromJson(const QJsonObject &object, HttpExchange &exchange, QString *error);
};

} // namespace CookieLab
