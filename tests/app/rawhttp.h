// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QByteArray>

/** A response read byte for byte off a socket. */
struct RawResponse
{
    int status = 0;
    CookieLab::HeaderList headers; ///< wire order and case
    QByteArray body;
    QByteArray raw;

    QList<QByteArray> values(const char *name) const { return CookieLab::HttpExchange::values(headers, name); }
    QByteArray value(const char *name) const { return values(name).value(0); }
};

/**
 * Sends bytes to 127.0.0.1:port and reads until the server closes or a whole response has
 * arrived, running the event loop meanwhile (the server may live in this thread).
 */
RawResponse rawRequest(quint16 port, const QByteArray &request, int timeoutMsecs = 10000);
/** A GET/POST with Connection: close, optional extra header lines ("Cookie: a=1") and body. */
QByteArray buildRequest(
    const QByteArray &method, const QByteArray &target, const QByteArrayList &headerLines = {}, const QByteArray &body = {});
