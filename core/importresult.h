// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/storedcookie.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace CookieLab
{

/** Something an import could not use: where ("line 4", "[2].expirationDate", "log.entries[7]") and why. */
struct ImportIssue
{
    QString where;
    QString reason;

    QString toString() const { return where.isEmpty() ? reason : where + QStringLiteral(": ") + reason; }
    friend bool operator==(const ImportIssue &a, const ImportIssue &b) { return a.where == b.where && a.reason == b.reason; }
};

/**
 * What a file or pasted text held. An import is all-or-nothing: callers use the cookies and
 * exchanges only when issues is empty, unless the user chose to keep the valid part.
 */
struct ImportResult
{
    QList<StoredCookie> cookies;
    QList<HttpExchange> exchanges;
    QList<ImportIssue> issues;
    QStringList notices; ///< worth telling the user, though nothing is wrong with the input
    bool cancelled = false;

    bool isClean() const { return issues.isEmpty() && !cancelled; }
    qsizetype itemCount() const { return cookies.size() + exchanges.size(); }
};

} // namespace CookieLab
