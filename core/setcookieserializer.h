// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieoptions.h"

#include <QByteArray>
#include <QString>

namespace CookieLab
{

/**
 * Writes canonical Set-Cookie values, refusing anything a server must not send: no header it
 * returns can hold CR, LF or NUL.
 */
class SetCookieSerializer final
{
public:
    struct Result
    {
        QByteArray header; ///< empty when refused
        QString error; ///< what is wrong and where; empty on success

        bool ok() const { return error.isEmpty(); }
    };

    SetCookieSerializer() = delete;

    /** name=value; Max-Age; Expires; Domain; Path; Secure; HttpOnly; SameSite; Partitioned */
    static Result serialize(const CookieOptions &options);

    /** Field checks usable by editors; each returns an empty string when the input is fine. */
    static QString checkName(QByteArrayView name);
    static QString checkValue(QByteArrayView value);
    static QString checkDomain(QByteArrayView domain);
    static QString checkPath(QByteArrayView path);
    static QString checkSameSite(QByteArrayView sameSite);
};

} // namespace CookieLab
