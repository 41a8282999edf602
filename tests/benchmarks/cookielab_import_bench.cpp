// SPDX-License-Identifier: MIT
// Import speed and peak memory for a generated HAR of 100,000 entries (goal: >= 50 MB/s, peak
// memory < 3x the file size). The import runs in a child process of its own so that its peak RSS
// is the import's, not the generator's.
#include "benchcorpus.h"
#include "core/harfile.h"
#include "core/inputfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace CookieLab;

namespace
{

// VmHWM (per address space) rather than getrusage's ru_maxrss, which a child inherits from its parent at fork.
qint64 peakRssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return -1;
}

int measure(const QString &path)
{
    const qint64 baseline = peakRssBytes();
    QElapsedTimer timer;
    timer.start();
    InputFile file;
    if (!file.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(file.error()));
        return 1;
    }
    const ImportResult result = HarFile::read(file.data(), [&file](qint64 done, qint64) {
        file.release(done); // as the app does: pages already read are given back
        return true;
    });
    const qint64 nsecs = timer.nsecsElapsed();
    std::printf("%lld %lld %lld %lld\n", qint64(result.exchanges.size()), nsecs, peakRssBytes(), baseline);
    return result.isClean() ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--measure")
        return measure(QString::fromLocal8Bit(argv[2]));

    const int entries = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.har"));
    if (!writeBenchmarkHar(path, entries))
        return 1;
    const double fileMb = double(QFile(path).size()) / 1e6;
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--measure"), path});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        std::fprintf(stderr, "import failed: %s\n", child.readAllStandardError().constData());
        return 1;
    }
    const QList<QByteArray> figures = child.readAllStandardOutput().trimmed().split(' ');
    const double read = figures.value(0).toDouble();
    const double seconds = figures.value(1).toDouble() / 1e9;
    const double peakMb = figures.value(2).toDouble() / 1e6;
    const double baselineMb = figures.value(3).toDouble() / 1e6;
    std::printf("HAR import: %d entries, %.1f MB file\n", entries, fileMb);
    std::printf("  time %.2f s: %.1f MB/s (goal >= 50), %.0f entries/s\n", seconds, fileMb / seconds, read / seconds);
    std::printf("  peak RSS %.1f MB, the mapped file included (process baseline %.1f MB): %.2fx the file size (goal < 3)\n", peakMb,
        baselineMb, peakMb / fileMb);
    return read == entries ? 0 : 1;
}
