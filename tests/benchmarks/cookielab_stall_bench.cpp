// SPDX-License-Identifier: MIT
// The desktop window under load: reports the longest stall of the main (GUI) thread's event loop.
// Run with QT_QPA_PLATFORM=offscreen. Usage:
//   cookielab_stall_bench [SECONDS]      the embedded server under wrk -t1 -c50 for SECONDS (default 10)
//   cookielab_stall_bench --import N     a generated HAR of N browser-shaped entries opened in the window
#include "app/labserver.h"
#include "app/testserver.h"
#include "app/workbench.h"
#include "app/workshopfiles.h"
#include "benchcorpus.h"
#include "core/exchangelog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace CookieLab;

namespace
{

/** A 10 ms heartbeat: the largest gap between beats is the longest the window could not react. */
class StallMeter final
{
public:
    StallMeter()
    {
        m_clock.start();
        QObject::connect(&m_heartbeat, &QTimer::timeout, [this] { beat(); });
    }
    void start()
    {
        m_last = m_clock.elapsed();
        m_heartbeat.start(10);
    }
    /** Counts the gap since the last beat too: the work that ends the measurement may be the longest. */
    void stop()
    {
        beat();
        m_heartbeat.stop();
    }
    qint64 longest() const { return m_longest; }
    qint64 elapsed() const { return m_clock.elapsed(); }

private:
    void beat()
    {
        const qint64 now = m_clock.elapsed();
        m_longest = std::max(m_longest, now - m_last);
        m_last = now;
    }

    QElapsedTimer m_clock;
    QTimer m_heartbeat;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

int underServerLoad(Workbench &bench, StallMeter &meter, int seconds)
{
    auto *wrk = new QProcess(&bench);
    QObject::connect(wrk, &QProcess::finished, &bench, [&bench, &meter, wrk, seconds] {
        meter.stop();
        QByteArray rate = "?";
        for (const QByteArray &line : wrk->readAllStandardOutput().split('\n')) {
            if (line.contains("Requests/sec"))
                rate = line.split(':').last().trimmed();
        }
        QTimer::singleShot(500, &bench, [&bench, &meter, rate, seconds] {
            std::printf("server under wrk -t1 -c50 for %d s: %s req/s, %lld exchanges recorded\n", seconds, rate.constData(),
                qlonglong(bench.lab().log().size() + qsizetype(bench.lab().log().droppedCount())));
            std::printf("longest main-thread stall: %lld ms (goal < 100)\n", meter.longest());
            QCoreApplication::quit();
        });
    });
    QTimer::singleShot(200, &bench, [&bench, &meter, wrk, seconds] {
        meter.start();
        wrk->start(QStringLiteral("wrk"),
            {QStringLiteral("-t1"), QStringLiteral("-c50"), QStringLiteral("-d%1s").arg(seconds),
                bench.lab().server().baseUrl().resolved(QUrl(QStringLiteral("/set-cookie"))).toString()});
    });
    return QCoreApplication::exec();
}

int whileImporting(Workbench &bench, StallMeter &meter, int entries)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.har"));
    if (!writeBenchmarkHar(path, entries))
        return 1;
    const double fileMb = double(QFile(path).size()) / 1e6;
    qint64 started = 0, parsed = 0;
    QObject::connect(&bench.files(), &WorkshopFiles::importFinished, &bench, [&](int exchanges, int, const QString &error) {
        parsed = meter.elapsed();
        if (!error.isEmpty() || exchanges != entries) {
            std::fprintf(stderr, "import failed: %s (%d exchanges)\n", qPrintable(error), exchanges);
            QCoreApplication::exit(1);
        }
    });
    // Done when the recorder has analysed every exchange and the list has shown it.
    QObject::connect(&bench.lab().log(), &ExchangeLog::exchangesRecorded, &bench, [&] {
        if (bench.lab().log().size() + qsizetype(bench.lab().log().droppedCount()) < entries)
            return;
        QTimer::singleShot(0, &bench, [&] {
            meter.stop();
            const double seconds = double(parsed - started) / 1000.0;
            std::printf(
                "HAR of %d entries (%.1f MB) opened in the window: read in %.2f s (%.1f MB/s), all analysed and listed after %.2f s\n",
                entries, fileMb, seconds, fileMb / seconds, double(meter.elapsed() - started) / 1000.0);
            std::printf("longest main-thread stall: %lld ms (goal < 100)\n", meter.longest());
            QCoreApplication::quit();
        });
    });
    QTimer::singleShot(200, &bench, [&] {
        meter.start();
        started = meter.elapsed();
        bench.files().open(path, WorkshopFiles::IssuePolicy::Reject);
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Workbench::Options options;
    options.port = 0;
    QString error;
    const auto bench = Workbench::create(options, &error);
    if (!bench) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    bench->window().show();
    StallMeter meter;
    if (argc == 3 && QByteArray(argv[1]) == "--import")
        return whileImporting(*bench, meter, QByteArray(argv[2]).toInt());
    return underServerLoad(*bench, meter, argc > 1 ? QByteArray(argv[1]).toInt() : 10);
}
