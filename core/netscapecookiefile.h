// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"

namespace CookieLab
{

/**
 * The Netscape cookies.txt format of curl (-b/-c) and wget (--load-cookies): one cookie per line,
 * seven TAB-separated fields (domain, include-subdomains, path, secure, expiry in seconds with 0
 * for a session cookie, name, value) and curl's `#HttpOnly_` domain prefix.
 */
class NetscapeCookieFile final
{
public:
    NetscapeCookieFile() = delete;

    /** Reads every line; lines that cannot be used are issues named "line N". creation is the import time. */
    static ImportResult read(QByteArrayView text, qint64 creation);
    /** Writes the cookies as curl does; cookies the format cannot hold (a TAB in a value) are reported in skipped. */
    static QByteArray write(const QList<StoredCookie> &cookies, QList<ImportIssue> *skipped = nullptr);
};

} // namespace CookieLab
