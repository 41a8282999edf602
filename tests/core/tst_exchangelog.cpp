// SPDX-License-Identifier: MIT
#include "core/exchangejson.h"
#include "core/exchangelog.h"
#include "core/exchangerecorder.h"

#include <QJsonDocument>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace CookieLab;

namespace
{

HttpExchange exchange(const QByteArray &path)
{
    HttpExchange e;
    e.method = "GET";
    e.url = QUrl(QString::fromLatin1("http://127.0.0.1:8000" + path));
    e.status = 200;
    e.startedAt = 1'700'000'000'000;
    e.requestHeaders = {{"Host", "127.0.0.1:8000"}, {"Cookie", "a=1; b=2"}};
    e.responseHeaders = {{"Set-Cookie", "x=1; Path=/"}, {"Set-Cookie", "y=\xff; HttpOnly"}};
    return e;
}

} // namespace

class TestExchangeLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsIncreaseAndSignalsCarryExchanges();
    void boundedWithDroppedCount();
    void loweringCapacityDrops();
    void appendsFromAnotherThread();
    void recorderLogsLargeArrivalsInSlices();
    void jsonRoundTrip();
    void jsonErrorsNameTheField();
    void logLinesHideSubmittedPasswords_data();
    void logLinesHideSubmittedPasswords();
};

void TestExchangeLog::idsIncreaseAndSignalsCarryExchanges()
{
    ExchangeLog log(10);
    QSignalSpy recorded(&log, &ExchangeLog::exchangesRecorded);
    QVERIFY(recorded.isValid());
    const quint64 first = log.append(exchange("/a"));
    const quint64 second = log.append(exchange("/b"));
    QVERIFY(second > first);
    QCOMPARE(recorded.count(), 2);
    QCOMPARE(recorded.at(1).at(0).value<QList<HttpExchangePtr>>().at(0)->path(), QByteArray("/b"));
    std::vector<HttpExchange> batch;
    batch.push_back(exchange("/c"));
    batch.push_back(exchange("/d"));
    log.append(std::move(batch));
    QCOMPARE(recorded.count(), 3);
    const auto last = recorded.at(2).at(0).value<QList<HttpExchangePtr>>();
    QCOMPARE(last.size(), 2);
    QCOMPARE(last.at(1)->id, second + 2);
    QCOMPARE(log.find(first)->path(), QByteArray("/a"));
    QCOMPARE(log.find(999), nullptr);
}

void TestExchangeLog::boundedWithDroppedCount()
{
    ExchangeLog log(3);
    QSignalSpy dropped(&log, &ExchangeLog::exchangesDropped);
    for (int i = 0; i < 5; ++i)
        log.append(exchange("/" + QByteArray::number(i)));
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.droppedCount(), quint64(2));
    QCOMPARE(dropped.count(), 2);
    QCOMPARE(log.entries().first()->path(), QByteArray("/2"));
    QCOMPARE(log.find(1), nullptr);
}

void TestExchangeLog::loweringCapacityDrops()
{
    ExchangeLog log(10);
    for (int i = 0; i < 6; ++i)
        log.append(exchange("/x"));
    QSignalSpy dropped(&log, &ExchangeLog::exchangesDropped);
    log.setCapacity(4);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).value<qsizetype>(), 2);
    QCOMPARE(log.size(), 4);
}

void TestExchangeLog::appendsFromAnotherThread()
{
    ExchangeLog log(100000);
    int received = 0;
    connect(
        &log, &ExchangeLog::exchangesRecorded, this, [&received](const QList<HttpExchangePtr> &batch) { received += int(batch.size()); });
    QThread *writer = QThread::create([&log] {
        for (int i = 0; i < 1000; ++i)
            log.append(exchange("/t"));
    });
    writer->start();
    QVERIFY(writer->wait(10000));
    delete writer;
    QCOMPARE(log.size(), 1000);
    QTRY_COMPARE(received, 1000); // queued to this thread
}

void TestExchangeLog::recorderLogsLargeArrivalsInSlices()
{
    // An imported HAR arrives all at once; listeners get it in order, never more than MaxBatch at a time.
    constexpr int count = int(ExchangeRecorder::MaxBatch) * 2 + 100;
    ExchangeLog log(100000);
    QList<qsizetype> batches;
    QByteArrayList paths;
    connect(&log, &ExchangeLog::exchangesRecorded, this, [&](const QList<HttpExchangePtr> &batch) {
        batches.append(batch.size());
        for (const HttpExchangePtr &e : batch)
            paths.append(e->path());
    });
    {
        ExchangeRecorder recorder(log);
        // The first exchange holds the worker until all the others are queued: they arrive as one.
        QSemaphore entered, gate;
        int enriched = 0;
        recorder.setEnricher([&](HttpExchange &e) {
            if (e.path() == "/gate") {
                entered.release();
                gate.acquire();
            }
            ++enriched;
        });
        recorder.submit(exchange("/gate"));
        QVERIFY(entered.tryAcquire(1, 10000));
        for (int i = 0; i < count; ++i)
            recorder.submit(exchange("/" + QByteArray::number(i)));
        gate.release();
        recorder.flush();
        QCOMPARE(enriched, count + 1);
    }
    QTRY_COMPARE(paths.size(), count + 1);
    QCOMPARE(batches, (QList<qsizetype>{1, qsizetype(ExchangeRecorder::MaxBatch), qsizetype(ExchangeRecorder::MaxBatch), 100}));
    QCOMPARE(paths.constFirst(), "/gate");
    for (int i = 0; i < count; ++i)
        QCOMPARE(paths.at(i + 1), "/" + QByteArray::number(i));
}

void TestExchangeLog::jsonRoundTrip()
{
    HttpExchange original = exchange("/login");
    original.requestBody = "{\"username\":\"alice\"}";
    original.requestBodySize = 100;
    original.responseBody = QByteArray("\x00\x01\xff", 3);
    original.responseBodySize = 3;
    original.durationUsecs = 1234;
    original.clientAddress = QStringLiteral("127.0.0.1");
    HttpExchange copy;
    QString error;
    QVERIFY2(ExchangeJson::fromJson(ExchangeJson::toJson(original), copy, &error), qPrintable(error));
    QCOMPARE(copy.method, original.method);
    QCOMPARE(copy.url, original.url);
    QCOMPARE(copy.requestHeaders, original.requestHeaders);
    QCOMPARE(copy.responseHeaders, original.responseHeaders);
    QCOMPARE(copy.responseBody, original.responseBody);
    QCOMPARE(copy.requestBodySize, 100);
    QCOMPARE(copy.startedAt, original.startedAt);
    QCOMPARE(copy.setCookies().size(), 2);
    QCOMPARE(copy.setCookies().at(1).value, QByteArray("\xff"));
}

void TestExchangeLog::jsonErrorsNameTheField()
{
    HttpExchange copy;
    QString error;
    QJsonObject object = ExchangeJson::toJson(exchange("/x"));
    object.remove(QStringLiteral("status"));
    QVERIFY(!ExchangeJson::fromJson(object, copy, &error));
    QVERIFY(error.contains(QLatin1String("\"status\"")));
}

void TestExchangeLog::logLinesHideSubmittedPasswords_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("logged");
    QTest::addRow("JSON login") << QByteArray("{\"username\":\"alice\",\"password\":\"wonderland\"}")
                                << QByteArray("{\"password\":\"********\",\"username\":\"alice\"}");
    QTest::addRow("form login") << QByteArray("user=alice&passwd=wonderland&x=1") << QByteArray("user=alice&passwd=********&x=1");
    QTest::addRow("nothing secret") << QByteArray("{\"theme\":\"dark\"}") << QByteArray("{\"theme\":\"dark\"}");
}

void TestExchangeLog::logLinesHideSubmittedPasswords()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, logged);
    HttpExchange e = exchange("/login");
    e.requestBody = body;
    QCOMPARE(ExchangeJson::toRedactedJson(e).value(QLatin1String("requestBody")).toString().toUtf8(), logged);
    QVERIFY(!QJsonDocument(ExchangeJson::toRedactedJson(e)).toJson().contains("wonderland"));
}

QTEST_GUILESS_MAIN(TestExchangeLog)
#include "tst_exchangelog.moc"
