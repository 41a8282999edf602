// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QByteArray>
#include <QUrl>

namespace CookieLab
{

/** A request the user composed: what the app's client sends. */
struct OutgoingRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HeaderList headers; ///< a Cookie header here replaces the jar's
    QByteArray body;

    /** "curl -X POST 'http://…' -H 'Content-Type: …' -b 'a=1' --data-raw '…'", quoted for a POSIX shell. */
    QByteArray toCurl(const QByteArray &cookieHeader) const;
    /** Why the request cannot be sent (bad URL, header name or value), or empty. */
    QString problem() const;
};

} // namespace CookieLab
