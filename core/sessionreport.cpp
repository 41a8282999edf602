// SPDX-License-Identifier: MIT
#include "core/sessionreport.h"

#include "core/lessonprogress.h"
#include "core/rulecatalog.h"

#include <QDateTime>
#include <QMap>

namespace CookieLab
{

namespace
{

QString escaped(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

QString time(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

QString SessionReport::html(const Input &input)
{
    QString out
        = QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                         "<style>body{font-family:sans-serif} table{border-collapse:collapse} td,th{border:1px solid #999;"
                         "padding:2px 6px;vertical-align:top} th{background:#eee} .high{color:#b71c1c} .medium{color:#e65100}</style>"
                         "</head><body>")
              .arg(input.title.toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1><p>Generated %2 · %3 exchanges · %4 cookies in the jar</p>")
               .arg(input.title.toHtmlEscaped(), time(input.generatedAt))
               .arg(input.exchanges.size())
               .arg(input.jar.size());

    if (input.lessons) {
        out += QStringLiteral("<h2>Lessons</h2><table><tr><th>Lesson</th><th>Done</th><th>Steps</th></tr>");
        for (int l = 0; l < input.lessons->lessons().size(); ++l) {
            const Lesson &lesson = input.lessons->lessons().at(l);
            QStringList steps;
            for (int s = 0; s < lesson.steps.size(); ++s)
                steps.append((input.lessons->stepPassed(l, s) ? QStringLiteral("✔ ") : QStringLiteral("○ "))
                    + lesson.steps.at(s).text.toHtmlEscaped());
            out += QStringLiteral("<tr><td>%1</td><td>%2/%3</td><td>%4</td></tr>")
                       .arg(lesson.title.toHtmlEscaped())
                       .arg(input.lessons->doneCount(l))
                       .arg(input.lessons->totalCount(l))
                       .arg(steps.join(QStringLiteral("<br>")));
        }
        out += QStringLiteral("</table>");
    }

    struct RuleCount
    {
        int count = 0;
        Severity worst = Severity::Info;
        QString example;
        QString fix;
    };
    QMap<QByteArray, RuleCount> byRule;
    for (const HttpExchangePtr &exchange : input.exchanges) {
        for (const Finding &f : exchange->findings) {
            RuleCount &count = byRule[f.ruleId()];
            if (count.count++ == 0 || f.severity > count.worst) {
                count.worst = f.severity;
                count.example = f.explanation();
                count.fix = f.fix();
            }
        }
    }
    out += QStringLiteral("<h2>Findings by rule</h2>");
    if (byRule.isEmpty()) {
        out += QStringLiteral("<p>No findings.</p>");
    } else {
        out += QStringLiteral("<table><tr><th>Rule</th><th>Worst</th><th>Times</th><th>Title</th><th>Example and fix</th></tr>");
        for (auto it = byRule.cbegin(); it != byRule.cend(); ++it) {
            const QByteArray severity = severityName(it->worst);
            out += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%2</td><td>%3</td><td>%4</td><td>%5<br><i>Fix:</i> %6</td></tr>")
                       .arg(QString::fromLatin1(it.key()), QString::fromLatin1(severity))
                       .arg(it->count)
                       .arg(QString::fromLatin1(RuleCatalog::info(*RuleCatalog::fromId(it.key())).title).toHtmlEscaped(),
                           it->example.toHtmlEscaped(), it->fix.toHtmlEscaped());
        }
        out += QStringLiteral("</table>");
    }

    out += QStringLiteral("<h2>Cookie jar</h2><table><tr><th>Name</th><th>Value</th><th>Domain</th><th>Path</th><th>Expires</th>"
                          "<th>Secure</th><th>HttpOnly</th><th>SameSite</th></tr>");
    for (const StoredCookie &c : input.jar) {
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>")
                   .arg(escaped(c.name), escaped(c.value.left(80)), c.hostOnly ? QString() : QStringLiteral("."), escaped(c.domain),
                       escaped(c.path), c.persistent ? time(c.expiry) : QStringLiteral("session"),
                       c.secure ? QStringLiteral("yes") : QString(), c.httpOnly ? QStringLiteral("yes") : QString(),
                       QString::fromLatin1(sameSiteName(c.sameSite)));
    }
    out += QStringLiteral("</table>");

    const qsizetype first = qMax<qsizetype>(0, input.exchanges.size() - MaxExchangeRows);
    out += QStringLiteral("<h2>Exchanges</h2>");
    if (first > 0)
        out += QStringLiteral("<p>The newest %1 of %2.</p>").arg(MaxExchangeRows).arg(input.exchanges.size());
    out += QStringLiteral(
        "<table><tr><th>Time</th><th>Client</th><th>Request</th><th>Status</th><th>Set-Cookie</th><th>Findings</th></tr>");
    for (qsizetype i = first; i < input.exchanges.size(); ++i) {
        const HttpExchange &e = *input.exchanges.at(i);
        QStringList setCookies, findings;
        for (const QByteArray &line : HttpExchange::values(e.responseHeaders, "set-cookie"))
            setCookies.append(escaped(line));
        for (const Finding &f : e.findings)
            findings.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(f.ruleId()), escaped(f.cookieName())));
        const QString request = e.source == HttpExchange::Source::Event
            ? e.note.toHtmlEscaped()
            : QStringLiteral("%1 %2").arg(QString::fromLatin1(e.method), escaped(e.url.toEncoded()));
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                   .arg(time(e.startedAt), e.clientAddress.toHtmlEscaped(), request)
                   .arg(e.status)
                   .arg(setCookies.join(QStringLiteral("<br>")), findings.join(QStringLiteral(", ")));
    }
    out += QStringLiteral("</table></body></html>");
    return out;
}

} // namespace CookieLab
