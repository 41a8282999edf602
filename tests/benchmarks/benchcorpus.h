// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QByteArrayList>

/** Realistic Set-Cookie headers (session ids, analytics, CSRF, consent…), generated from a fixed seed. */
QByteArrayList benchmarkSetCookieCorpus(int count);
/** Exchange i of a browser-shaped session: a dozen request headers, two Set-Cookie lines, a small body. */
CookieLab::HttpExchangePtr benchmarkBrowserExchange(int i);
/** A HAR file of the first `entries` of those exchanges; false when it cannot be written. */
bool writeBenchmarkHar(const QString &path, int entries);
