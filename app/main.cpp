// SPDX-License-Identifier: MIT
#include "app/convertcommand.h"
#include "app/jarcommand.h"
#include "app/lintcommand.h"
#include "app/servecommand.h"
#include "app/workbench.h"
#include "app/workshopfiles.h"
#include "ui/mainwindow.h"
#include "ui/requestpane.h"

#include <QCommandLineParser>

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace
{

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

void printUsage()
{
    std::puts("Usage: cookielab [COMMAND] [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  (none)   open the inspector window with the embedded server\n"
              "  serve    run the cookie test server without a window (serve --help)\n"
              "  lint     check Set-Cookie lines or a HAR file against the rule catalogue (lint --help)\n"
              "  jar      run a cookie jar script (jar --help)\n"
              "  convert  convert cookies or traffic between HAR, cookies.txt, JSON, CSV… (convert --help)\n");
}

// QGuiApplication takes "-session"/"--session" (X11 session management) out of argv for itself,
// so CookieLab's own --session FILE is taken out first.
QString takeSessionOption(int &argc, char *argv[])
{
    QString value;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        int taken = 0;
        if ((arg == "--session" || arg == "-session") && i + 1 < argc) {
            value = QString::fromLocal8Bit(argv[i + 1]);
            taken = 2;
        } else if (arg.startsWith("--session=")) {
            value = QString::fromLocal8Bit(arg.mid(10));
            taken = 1;
        }
        if (taken) {
            for (int j = i; j + taken <= argc; ++j)
                argv[j] = argv[j + taken];
            argc -= taken;
            --i;
        }
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("CookieLab"));
    QCoreApplication::setApplicationName(QStringLiteral("CookieLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (command == "--help" || command == "-h") {
        printUsage();
        return 0;
    }
    if (command == "--version") {
        std::printf("cookielab %s\n", PROJECT_VERSION);
        return 0;
    }
    if (command == "jar") {
        QCoreApplication app(argc, argv);
        return CookieLab::JarCommand::run(app.arguments().mid(1));
    }
    if (command == "lint") {
        QCoreApplication app(argc, argv);
        return CookieLab::LintCommand::run(app.arguments().mid(1));
    }
    if (command == "convert") {
        QCoreApplication app(argc, argv);
        return CookieLab::ConvertCommand::run(app.arguments().mid(1));
    }
    if (command == "serve") {
        QCoreApplication app(argc, argv);
        return CookieLab::ServeCommand::run(app.arguments().mid(1));
    }
    if (!hasDisplay()) {
        std::fputs("cookielab: no display found; running the headless server instead (cookielab serve).\n", stderr);
        QCoreApplication app(argc, argv);
        return CookieLab::ServeCommand::run(QStringList{QStringLiteral("serve")} + app.arguments().mid(1));
    }

    const QString sessionPath = takeSessionOption(argc, argv);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CookieLab: cookie inspector and test server."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port of the embedded server (default 8000; 0 picks a free one)."), QStringLiteral("N"), QStringLiteral("8000"));
    const QCommandLineOption bindOption(QStringLiteral("bind"), QStringLiteral("Address of the embedded server (default 127.0.0.1)."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("JSON file of workshop users."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Run a scripted demo (login, protected, multi-cookie), save the window as FILE and exit."), QStringLiteral("FILE"));
    const QCommandLineOption sessionOption(QStringLiteral("session"),
        QStringLiteral("Open this workshop session file and autosave to it (created when missing)."), QStringLiteral("FILE"));
    const QCommandLineOption autosaveOption(QStringLiteral("autosave-interval"),
        QStringLiteral("Milliseconds between autosaves of a changed session (default 30000)."), QStringLiteral("MS"),
        QString::number(CookieLab::WorkshopFiles::DefaultAutosaveMsecs));
    const QCommandLineOption lessonsOption(QStringLiteral("lessons"),
        QStringLiteral("Also load the lesson files (*.json) of this folder (repeatable); broken files are reported and skipped."),
        QStringLiteral("DIR"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate (with --tls-key)."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(
        QStringLiteral("tls-key"), QStringLiteral("The certificate's unencrypted PEM private key."), QStringLiteral("FILE"));
    parser.addOptions(
        {portOption, bindOption, usersOption, screenshotOption, sessionOption, autosaveOption, lessonsOption, tlsCertOption, tlsKeyOption});
    parser.process(app);

    CookieLab::Workbench::Options options;
    options.port = quint16(parser.value(portOption).toUInt());
    if (!options.address.setAddress(parser.value(bindOption))) {
        std::fprintf(stderr, "cookielab: --bind needs an IP address\n");
        return 2;
    }
    options.usersFile = parser.value(usersOption);
    options.lessonFolders = parser.values(lessonsOption);
    options.tlsCertificate = parser.value(tlsCertOption);
    options.tlsKey = parser.value(tlsKeyOption);
    if (parser.isSet(screenshotOption))
        options.port = 0;
    QString error;
    const auto workbench = CookieLab::Workbench::create(options, &error);
    if (!workbench) {
        std::fprintf(stderr, "cookielab: %s\n", qPrintable(error));
        return 2;
    }
    workbench->window().show();
    for (const CookieLab::ImportIssue &issue : workbench->lessonIssues())
        std::fprintf(stderr, "cookielab: lesson skipped: %s\n", qPrintable(issue.toString()));
    if (!workbench->lessonIssues().isEmpty())
        workbench->window().showMessage(QCoreApplication::translate(
            "main", "%n lesson file(s) could not be read and were skipped: %1", nullptr, int(workbench->lessonIssues().size()))
                                            .arg(workbench->lessonIssues().constFirst().toString()));
    if (!options.address.isLoopback())
        std::fprintf(stderr, "WARNING: listening on %s: other machines can reach this server and its deliberately weak cookies.\n",
            qPrintable(options.address.toString()));
    std::printf("CookieLab serving on %s\n", qPrintable(workbench->window().requestPane()->baseUrl().toString()));
    std::fflush(stdout);
    if (!parser.isSet(screenshotOption)) {
        const int autosaveMsecs = parser.value(autosaveOption).toInt();
        if (autosaveMsecs <= 0) {
            std::fprintf(stderr, "cookielab: --autosave-interval needs a positive number of milliseconds\n");
            return 2;
        }
        if (!workbench->files().start(sessionPath, autosaveMsecs, &error)) {
            std::fprintf(stderr, "cookielab: %s\n", qPrintable(error));
            return 2;
        }
        QTimer::singleShot(0, &workbench->files(), &CookieLab::WorkshopFiles::offerCrashRecovery);
    }
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        workbench->runScreenshotDemo(path, [path](bool saved) {
            std::fprintf(saved ? stdout : stderr, saved ? "Saved %s\n" : "cookielab: could not save %s\n", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
