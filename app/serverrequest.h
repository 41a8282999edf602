// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/requestcookies.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace CookieLab
{

/** A request as the routes see it, independent of the HTTP server library. */
struct ServerRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    QString clientAddress;

    QByteArray path() const { return url.path(QUrl::FullyEncoded).toLatin1(); }
    /** The first header with that name (case-insensitive), or an empty array. */
    QByteArray header(QByteArrayView name) const;
    /** Every Cookie header, parsed as the server-side `request.cookies`. */
    RequestCookies cookies() const;
    /** Query parameters as raw bytes, percent-decoded ('+' is a space), in order, duplicates kept. */
    QList<QPair<QByteArray, QByteArray>> queryItems() const;
};

} // namespace CookieLab
