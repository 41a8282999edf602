// SPDX-License-Identifier: MIT
// The desktop window with its embedded server under wrk load: reports the longest stall of the
// main (GUI) thread's event loop. Run with QT_QPA_PLATFORM=offscreen; usage: cookielab_stall_bench [seconds]
#include "app/labserver.h"
#include "app/testserver.h"
#include "app/workbench.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <cstdio>

using namespace CookieLab;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    Workbench::Options options;
    options.port = 0;
    QString error;
    const auto bench = Workbench::create(options, &error);
    if (!bench) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    bench->window().show();

    // A 10 ms heartbeat: the largest gap between beats is the longest the window could not react.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });

    QProcess wrk;
    QObject::connect(&wrk, &QProcess::finished, &app, [&] {
        heartbeat.stop();
        const QByteArray output = wrk.readAllStandardOutput();
        QByteArray rate = "?";
        for (const QByteArray &line : output.split('\n')) {
            if (line.contains("Requests/sec"))
                rate = line.split(':').last().trimmed();
        }
        QTimer::singleShot(500, &app, [&, rate] {
            std::printf("server under wrk -t1 -c50 for %d s: %s req/s, %lld exchanges recorded\n", seconds, rate.constData(),
                qlonglong(bench->lab().log().size() + qsizetype(bench->lab().log().droppedCount())));
            std::printf("longest main-thread stall: %lld ms (goal < 100)\n", longest);
            QCoreApplication::quit();
        });
    });
    QTimer::singleShot(200, &app, [&] {
        last = clock.elapsed();
        heartbeat.start(10);
        wrk.start(QStringLiteral("wrk"),
            {QStringLiteral("-t1"), QStringLiteral("-c50"), QStringLiteral("-d%1s").arg(seconds),
                bench->lab().server().baseUrl().resolved(QUrl(QStringLiteral("/set-cookie"))).toString()});
    });
    return app.exec();
}
