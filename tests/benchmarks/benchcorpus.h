// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayList>

/** Realistic Set-Cookie headers (session ids, analytics, CSRF, consent…), generated from a fixed seed. */
QByteArrayList benchmarkSetCookieCorpus(int count);
