// SPDX-License-Identifier: MIT
#include "app/jarcommand.h"
#include "app/servecommand.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("CookieLab"));
    QCoreApplication::setApplicationName(QStringLiteral("CookieLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (command == "jar") {
        QCoreApplication app(argc, argv);
        return CookieLab::JarCommand::run(app.arguments().mid(1));
    }
    if (command == "serve") {
        QCoreApplication app(argc, argv);
        return CookieLab::ServeCommand::run(app.arguments().mid(1));
    }

    QApplication app(argc, argv);
    CookieLab::MainWindow window;
    window.show();
    return app.exec();
}
