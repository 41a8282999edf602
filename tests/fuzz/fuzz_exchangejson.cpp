// SPDX-License-Identifier: MIT
// Reads the input as one line of `serve --log` JSON. Properties: a failure says which field; a
// success writes back to JSON that reads the same exchange again.
#include "core/exchangejson.h"

#include <QJsonDocument>

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    HttpExchange exchange;
    QString error;
    if (!ExchangeJson::fromJson(document.object(), exchange, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    HttpExchange again;
    // URLs compare by their encoded form: QUrl's operator== also compares how each component was
    // spelt ('#' versus %23 in a fragment), which the log does not keep.
    if (!ExchangeJson::fromJson(ExchangeJson::toJson(exchange), again, &error) || again.url.toEncoded() != exchange.url.toEncoded()
        || again.requestHeaders != exchange.requestHeaders || again.responseHeaders != exchange.responseHeaders
        || again.responseBody != exchange.responseBody)
        std::abort();
    return 0;
}
