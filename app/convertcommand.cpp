// SPDX-License-Identifier: MIT
#include "app/convertcommand.h"

#include "core/cookieexporter.h"
#include "core/cookieimporter.h"
#include "core/inputfile.h"
#include "core/valueredactor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace CookieLab
{

namespace
{

int fail(const QString &message)
{
    std::fprintf(stderr, "cookielab convert: %s\n", qPrintable(message));
    return 2;
}

QString formatNames(const QList<CookieFormat> &formats)
{
    QStringList names;
    for (CookieFormat format : formats)
        names.append(CookieFormats::name(format));
    return names.join(QStringLiteral(", "));
}

} // namespace

int ConvertCommand::run(const QStringList &arguments)
{
    const QList<CookieFormat> importable{CookieFormat::Har, CookieFormat::ExchangeLog, CookieFormat::Session, CookieFormat::Netscape,
        CookieFormat::CookieEditorJson, CookieFormat::CookieHeader, CookieFormat::SetCookieLines};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Converts cookies and traffic between formats. Traffic (HAR, exchange log) converted to a cookie format gives the jar a "
        "browser would hold after it. Fields the output format cannot carry are listed on standard error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Input file, or - for standard input."));
    const QCommandLineOption toOption(QStringLiteral("to"),
        QStringLiteral("Output format: %1.").arg(formatNames(CookieFormats::exportFormats())), QStringLiteral("FORMAT"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
        QStringLiteral("Input format (default: detected): %1.").arg(formatNames(importable)), QStringLiteral("FORMAT"));
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Site a Cookie header or Set-Cookie lines came from (default https://example.com/)."), QStringLiteral("URL"),
        QStringLiteral("https://example.com/"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write here (atomically) instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption redactOption(
        QStringLiteral("redact"), QStringLiteral("Replace cookie values with salted hashes (equal values stay equal) and mask passwords."));
    const QCommandLineOption keepValidOption(
        QStringLiteral("keep-valid"), QStringLiteral("Convert what is valid even when some lines or entries are not (they are listed)."));
    parser.addOptions({toOption, fromOption, urlOption, outputOption, redactOption, keepValidOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const CookieFormat to = CookieFormats::fromName(parser.value(toOption));
    if (!CookieFormats::exportFormats().contains(to))
        return fail(QStringLiteral("--to must be one of %1").arg(formatNames(CookieFormats::exportFormats())));
    CookieFormat from = CookieFormat::Unknown;
    if (parser.isSet(fromOption)) {
        from = CookieFormats::fromName(parser.value(fromOption));
        if (!importable.contains(from))
            return fail(QStringLiteral("--from must be one of %1").arg(formatNames(importable)));
    }
    CookieImporter::Options options;
    options.url = QUrl(parser.value(urlOption), QUrl::StrictMode);
    if (!options.url.isValid() || options.url.host().isEmpty())
        return fail(QStringLiteral("--url must be an absolute http(s) URL, not \"%1\"").arg(parser.value(urlOption)));
    if (parser.positionalArguments().size() > 1)
        return fail(QStringLiteral("give one input file (or -)"));

    InputFile input;
    if (!input.open(parser.positionalArguments().value(0, QStringLiteral("-"))))
        return fail(input.error());
    if (from == CookieFormat::Unknown)
        from = CookieFormats::detect(input.data().first(qMin<qsizetype>(input.data().size(), 65536)), input.displayName());
    if (!CookieFormats::canImport(from))
        return fail(QStringLiteral("%1: cannot tell the format; give --from").arg(input.displayName()));
    if (CookieFormats::holdsExchanges(to) && !CookieFormats::holdsExchanges(from))
        return fail(
            QStringLiteral("%1 holds cookies, not traffic: it cannot become %2").arg(CookieFormats::title(from), CookieFormats::title(to)));
    ImportResult result = CookieImporter::read(input.data(), from, options);
    for (const ImportIssue &issue : std::as_const(result.issues))
        std::fprintf(stderr, "%s: %s\n", qPrintable(input.displayName()), qPrintable(issue.toString()));
    for (const QString &notice : std::as_const(result.notices))
        std::fprintf(stderr, "note: %s: %s\n", qPrintable(input.displayName()), qPrintable(notice));
    if (!result.issues.isEmpty() && !parser.isSet(keepValidOption))
        return fail(QStringLiteral("%1 problem(s) in %2; nothing written (--keep-valid converts the rest)")
                        .arg(result.issues.size())
                        .arg(input.displayName()));

    const ValueRedactor redactor;
    QByteArray output;
    QList<ImportIssue> skipped;
    if (CookieFormats::holdsExchanges(to)) {
        QList<HttpExchangePtr> exchanges;
        for (HttpExchange &exchange : result.exchanges)
            exchanges.append(std::make_shared<HttpExchange>(parser.isSet(redactOption) ? redactor.redact(exchange) : std::move(exchange)));
        output = CookieExporter::writeExchanges(to, exchanges, QCoreApplication::applicationVersion());
    } else {
        if (parser.isSet(redactOption)) {
            for (StoredCookie &cookie : result.cookies)
                cookie = redactor.redact(cookie);
        }
        output = CookieExporter::writeCookies(to, result.cookies, &skipped);
    }
    for (const QString &lost : CookieFormats::lostFields(to))
        std::fprintf(stderr, "note: %s cannot carry: %s\n", qPrintable(CookieFormats::title(to)), qPrintable(lost));
    for (const ImportIssue &issue : std::as_const(skipped))
        std::fprintf(stderr, "note: not written: %s\n", qPrintable(issue.toString()));

    if (!parser.isSet(outputOption)) {
        std::fwrite(output.constData(), 1, size_t(output.size()), stdout);
        return std::fflush(stdout) == 0 ? 0 : 2;
    }
    QSaveFile file(parser.value(outputOption));
    if (!file.open(QIODevice::WriteOnly) || file.write(output) != output.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(parser.value(outputOption), file.errorString()));
    return 0;
}

} // namespace CookieLab
