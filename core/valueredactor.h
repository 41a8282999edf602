// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/storedcookie.h"

namespace CookieLab
{

/**
 * "Redact for sharing": replaces cookie values with salted hashes, so equal values stay equal
 * (a reader can still see that two requests carried the same session) while the values themselves
 * are gone. Names and attributes are kept. One salt per export: hashes cannot be compared across exports.
 */
class ValueRedactor final
{
public:
    /** A random salt. */
    ValueRedactor();
    explicit ValueRedactor(QByteArray salt);

    /** "redacted-" and 16 hex digits of HMAC-SHA256(salt, value); an empty value stays empty. */
    QByteArray redact(QByteArrayView value) const;
    StoredCookie redact(StoredCookie cookie) const;
    /** Values in Cookie and Set-Cookie headers, and password fields of the request body. */
    HttpExchange redact(const HttpExchange &exchange) const;

private:
    QByteArray m_salt;
};

} // namespace CookieLab
