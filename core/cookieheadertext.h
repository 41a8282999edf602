// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"

#include <QUrl>

namespace CookieLab
{

/** A Cookie header string, "a=b; c=d" (an optional "Cookie:" prefix; one header per line). */
class CookieHeaderText final
{
public:
    CookieHeaderText() = delete;

    /** Every pair becomes a host-only session cookie of url's host with path "/". */
    static ImportResult read(QByteArrayView text, const QUrl &url, qint64 creation);
    static QByteArray write(const QList<StoredCookie> &cookies);
};

} // namespace CookieLab
