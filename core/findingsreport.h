// SPDX-License-Identifier: MIT
#pragma once

#include "core/finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace CookieLab
{

/** Findings grouped by the cookie they are about, written as text, JSON or SARIF 2.1.0. */
class FindingsReport final
{
public:
    struct Entry
    {
        QByteArray header; ///< the Set-Cookie line; empty for exchange-wide findings
        QString source; ///< file name or URL the line came from
        int line = 0; ///< 1-based line in the source (0 when not from a line)
        int column = 0; ///< where the Set-Cookie value starts in that line (0-based)
        QByteArray url; ///< the URL the cookie was received from
        QList<Finding> findings;
    };

    void add(Entry entry);
    const QList<Entry> &entries() const { return m_entries; }
    qsizetype findingCount() const;
    std::optional<Severity> highestSeverity() const;

    QByteArray toText(bool colour) const;
    QByteArray toJson() const;
    QByteArray toSarif(const QString &toolVersion) const;

private:
    QList<Entry> m_entries;
};

} // namespace CookieLab
