// SPDX-License-Identifier: MIT
#include "core/valueredactor.h"

#include "core/exchangejson.h"
#include "core/requestcookies.h"
#include "core/securebytes.h"
#include "core/setcookieparser.h"

#include <QMessageAuthenticationCode>

namespace CookieLab
{

ValueRedactor::ValueRedactor()
    : m_salt(SecureBytes::random(16))
{
}

ValueRedactor::ValueRedactor(QByteArray salt)
    : m_salt(std::move(salt))
{
}

QByteArray ValueRedactor::redact(QByteArrayView value) const
{
    if (value.isEmpty())
        return {};
    const QByteArray mac = QMessageAuthenticationCode::hash(value.toByteArray(), m_salt, QCryptographicHash::Sha256);
    return QByteArrayLiteral("redacted-") + mac.first(8).toHex();
}

StoredCookie ValueRedactor::redact(StoredCookie cookie) const
{
    cookie.value = redact(cookie.value);
    if (!cookie.sourceHeader.isEmpty()) {
        const SetCookie parsed = SetCookieParser::parse(cookie.sourceHeader, cookie.creation);
        cookie.sourceHeader.replace(parsed.valueSpan.offset, parsed.valueSpan.length, redact(parsed.value));
    }
    return cookie;
}

HttpExchange ValueRedactor::redact(const HttpExchange &exchange) const
{
    HttpExchange copy = exchange;
    for (auto &[name, value] : copy.requestHeaders) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        QList<QByteArray> pairs;
        const RequestCookies sent = RequestCookies::parse(value);
        for (const CookiePair &pair : sent.pairs())
            pairs.append(pair.name.isEmpty() ? redact(pair.value) : pair.name + '=' + redact(pair.value));
        value = pairs.join("; ");
    }
    for (auto &[name, value] : copy.responseHeaders) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) != 0)
            continue;
        const SetCookie parsed = SetCookieParser::parse(value, exchange.startedAt);
        value.replace(parsed.valueSpan.offset, parsed.valueSpan.length, redact(parsed.value));
    }
    copy.requestBody = ExchangeJson::redactPasswords(copy.requestBody);
    return copy;
}

} // namespace CookieLab
