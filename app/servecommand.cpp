// SPDX-License-Identifier: MIT
#include "app/servecommand.h"

#include "app/labserver.h"
#include "app/testserver.h"
#include "app/unixsignalwatcher.h"
#include "core/exchangejson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace CookieLab
{

namespace
{

QByteArray summaryLine(const HttpExchange &exchange)
{
    QByteArray line = QDateTime::fromMSecsSinceEpoch(exchange.startedAt).toString(QStringLiteral("HH:mm:ss")).toLatin1();
    line += ' ' + exchange.clientAddress.toLatin1() + ' ' + exchange.method + ' ' + exchange.path() + " -> "
        + QByteArray::number(exchange.status);
    for (const SetCookie &cookie : exchange.setCookies())
        line += " | Set-Cookie: " + cookie.header;
    if (!exchange.findings.isEmpty()) {
        QList<Finding> findings = exchange.findings;
        sortFindings(findings);
        QByteArrayList ids;
        for (const Finding &f : findings)
            ids.append(f.ruleId() + ' ' + severityName(f.severity) + (f.cookieName().isEmpty() ? QByteArray() : ' ' + f.cookieName()));
        line += " | findings: " + ids.join(", ");
    }
    return line;
}

} // namespace

int ServeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs CookieLab's cookie test server without a window."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on; 0 picks a free one (default 8000)."),
        QStringLiteral("N"), QStringLiteral("8000"));
    const QCommandLineOption bindOption(QStringLiteral("bind"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("JSON file of workshop users."), QStringLiteral("FILE"));
    const QCommandLineOption logOption(
        QStringLiteral("log"), QStringLiteral("Append every exchange to this JSON-lines file."), QStringLiteral("FILE.jsonl"));
    const QCommandLineOption capacityOption(QStringLiteral("log-capacity"), QStringLiteral("Exchanges kept in memory (default 100000)."),
        QStringLiteral("N"), QString::number(ExchangeLog::DefaultCapacity));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), QStringLiteral("Do not print a line per exchange."));
    const QCommandLineOption noCaptureOption(QStringLiteral("no-capture"), QStringLiteral("Do not record exchanges (benchmarks)."));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS with this PEM certificate (with --tls-key; see the README for a one-line local certificate)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(
        QStringLiteral("tls-key"), QStringLiteral("The certificate's unencrypted PEM private key."), QStringLiteral("FILE"));
    parser.addOptions(
        {portOption, bindOption, usersOption, logOption, capacityOption, quietOption, noCaptureOption, tlsCertOption, tlsKeyOption});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "cookielab serve: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }

    LabServer::Options options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(
            stderr, "cookielab serve: --port must be a number from 0 to 65535, not \"%s\"\n", qPrintable(parser.value(portOption)));
        return 2;
    }
    options.port = quint16(port);
    if (!options.address.setAddress(parser.value(bindOption))) {
        std::fprintf(stderr, "cookielab serve: --bind needs an IP address, not \"%s\"\n", qPrintable(parser.value(bindOption)));
        return 2;
    }
    options.usersFile = parser.value(usersOption);
    options.tlsCertificate = parser.value(tlsCertOption);
    options.tlsKey = parser.value(tlsKeyOption);
    options.logCapacity = parser.value(capacityOption).toLongLong(&ok);
    if (!ok || options.logCapacity < 1) {
        std::fprintf(stderr, "cookielab serve: --log-capacity must be a positive number\n");
        return 2;
    }
    options.capture = !parser.isSet(noCaptureOption);

    QString error;
    const std::unique_ptr<LabServer> lab = LabServer::create(options, &error);
    if (!lab) {
        std::fprintf(stderr, "cookielab serve: %s\n", qPrintable(error));
        return 2;
    }

    QFile logFile;
    if (parser.isSet(logOption)) {
        logFile.setFileName(parser.value(logOption));
        if (!logFile.open(QIODevice::WriteOnly | QIODevice::Append)) {
            std::fprintf(stderr, "cookielab serve: cannot open %s for appending: %s\n", qPrintable(logFile.fileName()),
                qPrintable(logFile.errorString()));
            return 2;
        }
    }

    error = lab->start();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "cookielab serve: %s\n", qPrintable(error));
        return 2;
    }
    const QHostAddress address = lab->server().address();
    if (!address.isLoopback()) {
        std::fprintf(stderr, "WARNING: listening on %s: other machines can reach this server and its deliberately weak cookies.\n",
            qPrintable(address.toString()));
        for (const QUrl &lab : lab->server().networkLabUrls())
            std::fprintf(stderr, "Attendees open %s\n", qPrintable(lab.toString()));
    }
    std::printf("CookieLab serving on %s\n", lab->server().baseUrl().toString().toUtf8().constData());
    std::fflush(stdout);

    const bool quiet = parser.isSet(quietOption);
    if (!quiet || logFile.isOpen()) {
        QObject::connect(&lab->log(), &ExchangeLog::exchangesRecorded, &lab->log(), [&](const QList<HttpExchangePtr> &exchanges) {
            for (const HttpExchangePtr &exchange : exchanges) {
                if (!quiet) {
                    const QByteArray line = summaryLine(*exchange);
                    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
                    std::fputc('\n', stdout);
                }
                if (logFile.isOpen()) {
                    logFile.write(QJsonDocument(ExchangeJson::toRedactedJson(*exchange)).toJson(QJsonDocument::Compact) + '\n');
                    logFile.flush(); // one line per exchange, flushed: a crash loses nothing already answered
                }
            }
            std::fflush(stdout);
        });
    }

    UnixSignalWatcher terminationWatcher;
    QObject::connect(&terminationWatcher, &UnixSignalWatcher::terminationRequested, qApp, [&](int number) {
        std::fprintf(stderr, "cookielab serve: received signal %d, shutting down\n", number);
        lab->stop();
        lab->recorder().flush();
        QCoreApplication::processEvents(); // deliver the last batch to the printer and the log file
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

} // namespace CookieLab
