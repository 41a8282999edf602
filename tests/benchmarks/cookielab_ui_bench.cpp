// SPDX-License-Identifier: MIT
// Appends 100,000 exchanges to the log with the list model and a view attached, then changes the
// filter; prints milliseconds for each and the memory the rows cost. Run with QT_QPA_PLATFORM=offscreen.
#include "core/exchangelistmodel.h"
#include "core/exchangelog.h"
#include "ui/exchangelistpane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTableView>

#include <cstdio>

using namespace CookieLab;

namespace
{

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    constexpr int Count = 100000;
    constexpr int Batch = 500; // the recorder logs in batches
    ExchangeLog log(Count);
    ExchangeListModel model(&log);
    ExchangeListPane pane(&model);
    pane.resize(1000, 600);
    pane.show();

    // Exchanges prepared up front, so the measurement is the log + model + view.
    std::vector<HttpExchange> prepared;
    prepared.reserve(Count);
    qint64 payloadBytes = 0;
    for (int i = 0; i < Count; ++i) {
        HttpExchange e;
        e.method = i % 3 ? "GET" : "POST";
        e.url = QUrl(QStringLiteral("http://127.0.0.1:8000/route%1?x=%2").arg(i % 50).arg(i));
        e.clientAddress = QStringLiteral("127.0.0.1");
        e.status = 200;
        e.startedAt = 1'700'000'000'000 + i;
        e.requestHeaders = {{"Host", "127.0.0.1:8000"}, {"User-Agent", "bench"}};
        e.responseHeaders
            = {{"Content-Type", "application/json"}, {"Set-Cookie", "c" + QByteArray::number(i % 20) + "=v; Path=/; HttpOnly"}};
        if (i % 7 == 0) {
            Finding f;
            f.rule = i % 2 ? Rule::CK011 : Rule::CK020;
            f.severity = i % 2 ? Severity::Medium : Severity::Low;
            e.findings.append(f);
        }
        for (const auto &h : e.requestHeaders)
            payloadBytes += h.first.size() + h.second.size();
        for (const auto &h : e.responseHeaders)
            payloadBytes += h.first.size() + h.second.size();
        payloadBytes += e.url.toEncoded().size();
        prepared.push_back(std::move(e));
    }
    const qint64 before = residentKb();

    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < Count; start += Batch) {
        std::vector<HttpExchange> batch(
            std::make_move_iterator(prepared.begin() + start), std::make_move_iterator(prepared.begin() + start + Batch));
        log.append(std::move(batch));
        QCoreApplication::processEvents();
    }
    const qint64 appendMs = timer.elapsed();
    const qint64 after = residentKb();

    timer.restart();
    pane.filterEdit()->setText(QStringLiteral("ck011"));
    QCoreApplication::processEvents();
    const qint64 filterMs = timer.elapsed();
    const int matches = pane.view()->model()->rowCount();
    timer.restart();
    pane.filterEdit()->clear();
    QCoreApplication::processEvents();
    const qint64 clearMs = timer.elapsed();

    std::printf("append: %d exchanges in batches of %d with model and view attached: %lld ms (goal < 2000)\n", Count, Batch, appendMs);
    std::printf(
        "filter: \"ck011\" over %d rows: %lld ms (%d matches); clearing it: %lld ms (goal < 100)\n", Count, filterMs, matches, clearMs);
    std::printf("memory: %.0f bytes per exchange beyond its %.0f header and URL bytes (goal < 1024)\n",
        double(after - before) * 1024.0 / Count - double(payloadBytes) / Count, double(payloadBytes) / Count);
    return 0;
}
