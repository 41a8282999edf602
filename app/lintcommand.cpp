// SPDX-License-Identifier: MIT
#include "app/lintcommand.h"

#include "core/cookieimporter.h"
#include "core/exchangeanalyzer.h"
#include "core/findingsreport.h"
#include "core/inputfile.h"
#include "core/setcookietext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <unistd.h>

namespace CookieLab
{

namespace
{

int fail(const QString &message)
{
    std::fprintf(stderr, "cookielab lint: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int LintCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks Set-Cookie lines (or a HAR file) against CookieLab's rule catalogue."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Set-Cookie lines, a .har file, or - for standard input."));
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("URL the lines were received from (default https://example.com/)."), QStringLiteral("URL"),
        QStringLiteral("https://example.com/"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"), QStringLiteral("text (default), json or sarif."), QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption failOnOption(QStringLiteral("fail-on"),
        QStringLiteral("Exit 1 when a finding reaches this severity (default high)."), QStringLiteral("SEVERITY"), QStringLiteral("high"));
    parser.addOptions({urlOption, formatOption, failOnOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("sarif"))
        return fail(QStringLiteral("--format must be text, json or sarif, not \"%1\"").arg(format));
    const auto failOn = severityFromName(parser.value(failOnOption).toLatin1());
    if (!failOn)
        return fail(QStringLiteral("--fail-on must be info, low, medium or high, not \"%1\"").arg(parser.value(failOnOption)));
    const QUrl url(parser.value(urlOption), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return fail(QStringLiteral("--url must be an absolute http(s) URL, not \"%1\"").arg(parser.value(urlOption)));
    if (parser.positionalArguments().size() > 1)
        return fail(QStringLiteral("give one file (or -)"));

    InputFile file;
    if (!file.open(parser.positionalArguments().value(0, QStringLiteral("-"))))
        return fail(file.error());
    const QByteArrayView input = file.data();
    const QString source = file.displayName();
    const CookieFormat inputFormat = CookieFormats::detect(input.first(qMin<qsizetype>(input.size(), 65536)), source);

    ExchangeAnalyzer analyzer;
    FindingsReport report;
    QString error;
    if (CookieFormats::holdsExchanges(inputFormat)) {
        ImportResult traffic = CookieImporter::read(input, inputFormat, {});
        if (!traffic.issues.isEmpty())
            return fail(source + QStringLiteral(": ") + traffic.issues.constFirst().toString());
        for (const QString &notice : std::as_const(traffic.notices))
            std::fprintf(stderr, "note: %s: %s\n", qPrintable(source), qPrintable(notice));
        QList<HttpExchange> &exchanges = traffic.exchanges;
        for (int e = 0; e < exchanges.size(); ++e) {
            HttpExchange &exchange = exchanges[e];
            exchange.id = quint64(e) + 1;
            const QList<Finding> findings = analyzer.analyze(exchange);
            const QList<SetCookie> cookies = exchange.setCookies();
            const QString where = inputFormat == CookieFormat::Har ? QStringLiteral("%1#log.entries[%2]").arg(source).arg(e)
                                                                   : QStringLiteral("%1#exchanges[%2]").arg(source).arg(e);
            for (int i = -1; i < cookies.size(); ++i) {
                FindingsReport::Entry entry;
                entry.source = where;
                entry.url = exchange.url.toEncoded();
                entry.header = i >= 0 ? cookies.at(i).header : QByteArray();
                for (const Finding &f : findings) {
                    if (f.cookieIndex == i)
                        entry.findings.append(f);
                }
                if (i >= 0 || !entry.findings.isEmpty())
                    report.add(entry);
            }
        }
    } else {
        const QList<SetCookieText::Line> lines = SetCookieText::lines(input, &error);
        if (!error.isEmpty())
            return fail(source + QStringLiteral(": ") + error);
        HttpExchange exchange;
        exchange.method = "GET";
        exchange.url = url;
        exchange.status = 200;
        exchange.startedAt = QDateTime::currentMSecsSinceEpoch();
        exchange.clientAddress = QStringLiteral("lint");
        for (const SetCookieText::Line &line : lines)
            exchange.responseHeaders.append({QByteArrayLiteral("Set-Cookie"), line.value});
        const QList<Finding> findings = analyzer.analyze(exchange);
        for (int i = -1; i < lines.size(); ++i) {
            FindingsReport::Entry entry;
            entry.source = source;
            entry.url = url.toEncoded();
            if (i >= 0) {
                entry.header = lines.at(i).value;
                entry.line = lines.at(i).number;
                entry.column = lines.at(i).column;
            }
            for (const Finding &f : findings) {
                if (f.cookieIndex == i)
                    entry.findings.append(f);
            }
            if (i >= 0 || !entry.findings.isEmpty())
                report.add(entry);
        }
    }

    QByteArray output;
    if (format == QLatin1String("json"))
        output = report.toJson();
    else if (format == QLatin1String("sarif"))
        output = report.toSarif(QCoreApplication::applicationVersion());
    else
        output = report.toText(::isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR"));
    std::fwrite(output.constData(), 1, size_t(output.size()), stdout);
    std::fflush(stdout);
    const auto highest = report.highestSeverity();
    return highest && *highest >= *failOn ? 1 : 0;
}

} // namespace CookieLab
