// SPDX-License-Identifier: MIT
#include "app/jarcommand.h"
#include "app/lintcommand.h"
#include "app/servecommand.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

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
              "  jar      run a cookie jar script (jar --help)\n");
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
    if (command == "serve") {
        QCoreApplication app(argc, argv);
        return CookieLab::ServeCommand::run(app.arguments().mid(1));
    }
    if (!hasDisplay()) {
        std::fputs("cookielab: no display found; running the headless server instead (cookielab serve).\n", stderr);
        QCoreApplication app(argc, argv);
        return CookieLab::ServeCommand::run(QStringList{QStringLiteral("serve")} + app.arguments().mid(1));
    }

    QApplication app(argc, argv);
    CookieLab::MainWindow window;
    window.show();
    return app.exec();
}
