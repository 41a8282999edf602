// SPDX-License-Identifier: MIT
#pragma once

#include "core/bytespan.h"
#include "core/rulecatalog.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace CookieLab
{

/**
 * One rule that fired. Holds only shared bytes and numbers; the text for people (explanation,
 * fix, corrected header) is written when asked for, so analysis stays cheap enough to run on
 * every exchange.
 */
struct Finding
{
    /** What a finding is about; shared by all findings of one cookie. */
    struct Subject
    {
        QByteArray cookieName;
        QByteArray header; ///< the Set-Cookie line (empty for request-side findings)
        QByteArray origin; ///< "http://localhost:8000"
    };

    Rule rule = Rule::CK131;
    Severity severity = Severity::Info;
    int cookieIndex = -1; ///< which Set-Cookie line of the response; -1 for the exchange as a whole
    ByteSpan span; ///< the bytes of that line the finding is about
    std::shared_ptr<const Subject> subject;
    QByteArray detail; ///< rule-specific text: an attribute value, the other cookie, a decoded claim…
    qint64 number = 0; ///< rule-specific number: seconds, bytes, counts

    static std::shared_ptr<const Subject> makeSubject(QByteArray cookieName, QByteArray header, QByteArray origin);
    const QByteArray &cookieName() const;
    const QByteArray &header() const;
    const QByteArray &origin() const;

    QByteArray ruleId() const { return RuleCatalog::id(rule); }
    QString title() const { return QString::fromUtf8(RuleCatalog::info(rule).title); }
    QStringList references() const { return RuleCatalog::references(rule); }
    /** Plain language, for this cookie: what happens and why it matters. */
    QString explanation() const;
    /** What to change, with the corrected Set-Cookie line where one exists. */
    QString fix() const;
    /** The corrected Set-Cookie line, or empty when the fix is not a header change. */
    QByteArray fixedHeader() const;
};

/** Sorts by severity (highest first), then rule ID, keeping the order of equal ones. */
void sortFindings(QList<Finding> &findings);
/** The highest severity, or nothing for an empty list. */
std::optional<Severity> highestSeverity(const QList<Finding> &findings);

} // namespace CookieLab
