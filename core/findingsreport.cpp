// SPDX-License-Identifier: MIT
#include "core/findingsreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace CookieLab
{

namespace
{

const char *colourOf(Severity severity)
{
    switch (severity) {
    case Severity::High: return "\x1b[1;31m";
    case Severity::Medium: return "\x1b[33m";
    case Severity::Low: return "\x1b[36m";
    case Severity::Info: return "\x1b[2m";
    }
    return "";
}

QString sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::High: return QStringLiteral("error");
    case Severity::Medium:
    case Severity::Low: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("note");
    }
    return {};
}

QString securitySeverity(Severity severity)
{
    switch (severity) {
    case Severity::High: return QStringLiteral("8.0");
    case Severity::Medium: return QStringLiteral("5.5");
    case Severity::Low: return QStringLiteral("3.0");
    case Severity::Info: return QStringLiteral("0.0");
    }
    return {};
}

QJsonArray spanJson(const ByteSpan &span)
{
    return QJsonArray{qint64(span.offset), qint64(span.length)};
}

} // namespace

void FindingsReport::add(Entry entry)
{
    sortFindings(entry.findings);
    m_entries.append(std::move(entry));
}

qsizetype FindingsReport::findingCount() const
{
    qsizetype count = 0;
    for (const Entry &e : m_entries)
        count += e.findings.size();
    return count;
}

std::optional<Severity> FindingsReport::highestSeverity() const
{
    std::optional<Severity> highest;
    for (const Entry &e : m_entries) {
        const auto h = CookieLab::highestSeverity(e.findings);
        if (h && (!highest || *h > *highest))
            highest = h;
    }
    return highest;
}

QByteArray FindingsReport::toText(bool colour) const
{
    QByteArray out;
    const QByteArray reset = colour ? "\x1b[0m" : "";
    for (const Entry &entry : m_entries) {
        if (!entry.header.isEmpty())
            out += (entry.line > 0 ? entry.source.toUtf8() + ':' + QByteArray::number(entry.line) + ": " : QByteArray())
                + "Set-Cookie: " + entry.header + '\n';
        else
            out += entry.source.toUtf8() + ": " + entry.url + '\n';
        if (entry.findings.isEmpty())
            out += "  no findings\n";
        for (const Finding &f : entry.findings) {
            const QByteArray severity = severityName(f.severity).toUpper();
            out += "  " + (colour ? QByteArray(colourOf(f.severity)) : QByteArray()) + severity.leftJustified(6) + ' ' + f.ruleId() + reset
                + ' ' + f.title().toUtf8() + '\n';
            out += "         " + f.explanation().toUtf8() + '\n';
            out += "         Fix: " + f.fix().toUtf8() + '\n';
        }
        out += '\n';
    }
    out += QByteArray::number(findingCount()) + " findings\n";
    return out;
}

QByteArray FindingsReport::toJson() const
{
    QJsonArray array;
    for (const Entry &entry : m_entries) {
        for (const Finding &f : entry.findings) {
            QJsonObject o{
                {QStringLiteral("rule"), QString::fromLatin1(f.ruleId())},
                {QStringLiteral("severity"), QString::fromLatin1(severityName(f.severity))},
                {QStringLiteral("title"), f.title()},
                {QStringLiteral("cookie"), QString::fromUtf8(f.cookieName())},
                {QStringLiteral("message"), f.explanation()},
                {QStringLiteral("fix"), f.fix()},
                {QStringLiteral("references"), QJsonArray::fromStringList(f.references())},
                {QStringLiteral("span"), spanJson(f.span)},
                {QStringLiteral("header"), QString::fromUtf8(f.header())},
                {QStringLiteral("url"), QString::fromUtf8(entry.url)},
            };
            if (entry.line > 0)
                o.insert(QStringLiteral("line"), entry.line);
            const QByteArray fixed = f.fixedHeader();
            if (!fixed.isEmpty())
                o.insert(QStringLiteral("fixedHeader"), QString::fromUtf8(fixed));
            array.append(o);
        }
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray FindingsReport::toSarif(const QString &toolVersion) const
{
    QJsonArray rules;
    QHash<QByteArray, int> ruleIndex;
    QJsonArray results;
    for (const Entry &entry : m_entries) {
        for (const Finding &f : entry.findings) {
            const QByteArray id = f.ruleId();
            if (!ruleIndex.contains(id)) {
                ruleIndex.insert(id, int(rules.size()));
                const RuleInfo &info = RuleCatalog::info(f.rule);
                rules.append(QJsonObject{
                    {QStringLiteral("id"), QString::fromLatin1(id)},
                    {QStringLiteral("name"), QString::fromUtf8(info.title).remove(u' ').remove(u'-').left(60)},
                    {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), QString::fromUtf8(info.title)}}},
                    {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), QString::fromUtf8(info.advice)}}},
                    {QStringLiteral("help"), QJsonObject{{QStringLiteral("text"), QString::fromUtf8(info.references)}}},
                    {QStringLiteral("defaultConfiguration"), QJsonObject{{QStringLiteral("level"), sarifLevel(info.defaultSeverity)}}},
                    {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("tags"), QJsonArray{QStringLiteral("security"), QStringLiteral("cookies")}},
                            {QStringLiteral("security-severity"), securitySeverity(info.defaultSeverity)}}},
                });
            }
            QJsonObject region;
            if (entry.line > 0) {
                // 1-based columns counted from the start of the line, which may begin with "Set-Cookie: ".
                region.insert(QStringLiteral("startLine"), entry.line);
                region.insert(QStringLiteral("startColumn"), entry.column + int(f.span.offset) + 1);
                region.insert(QStringLiteral("endColumn"), entry.column + int(qMax<qsizetype>(f.span.end(), f.span.offset + 1)) + 1);
            }
            QJsonObject physical{{QStringLiteral("artifactLocation"), QJsonObject{{QStringLiteral("uri"), entry.source}}}};
            if (!region.isEmpty())
                physical.insert(QStringLiteral("region"), region);
            results.append(QJsonObject{
                {QStringLiteral("ruleId"), QString::fromLatin1(id)},
                {QStringLiteral("ruleIndex"), ruleIndex.value(id)},
                {QStringLiteral("level"), sarifLevel(f.severity)},
                {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), QString(f.explanation() + u' ' + f.fix())}}},
                {QStringLiteral("locations"), QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}}},
                {QStringLiteral("properties"),
                    QJsonObject{{QStringLiteral("cookie"), QString::fromUtf8(f.cookieName())},
                        {QStringLiteral("severity"), QString::fromLatin1(severityName(f.severity))},
                        {QStringLiteral("url"), QString::fromUtf8(entry.url)}}},
            });
        }
    }
    QJsonObject driver;
    driver.insert(QStringLiteral("name"), QStringLiteral("CookieLab"));
    driver.insert(QStringLiteral("version"), toolVersion);
    driver.insert(QStringLiteral("informationUri"), QStringLiteral("https://cookielab.invalid/docs/rules"));
    driver.insert(QStringLiteral("rules"), rules);
    QJsonObject tool;
    tool.insert(QStringLiteral("driver"), driver);
    QJsonObject run;
    run.insert(QStringLiteral("tool"), tool);
    run.insert(QStringLiteral("results"), results);
    const QJsonObject sarif{
        {QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
    return QJsonDocument(sarif).toJson(QJsonDocument::Indented);
}

} // namespace CookieLab
