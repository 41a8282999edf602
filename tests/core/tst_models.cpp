// SPDX-License-Identifier: MIT
// Every core model under QAbstractItemModelTester, with exact row notifications.
#include "core/cookieinclusionmodel.h"
#include "core/cookiejar.h"
#include "core/cookiejarmodel.h"
#include "core/exchangelistmodel.h"
#include "core/exchangelog.h"
#include "core/findingsmodel.h"
#include "core/routecookiepolicymodel.h"
#include "core/setcookiemodel.h"
#include "core/setcookieparser.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace CookieLab;

namespace
{

HttpExchange exchange(const QByteArray &path, const QByteArrayList &setCookies = {})
{
    HttpExchange e;
    e.method = "GET";
    e.url = QUrl(QString::fromLatin1("http://127.0.0.1:8000" + path));
    e.status = 200;
    e.startedAt = 1'700'000'000'000;
    e.clientAddress = QStringLiteral("127.0.0.1");
    for (const QByteArray &line : setCookies)
        e.responseHeaders.append({"Set-Cookie", line});
    return e;
}

} // namespace

class TestModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exchangeListAppendsInBatchesAndDropsOldest();
    void exchangeListSearchText();
    void exchangeListTellsAttendeesApart();
    void jarModel();
    void otherModels();
};

void TestModels::exchangeListAppendsInBatchesAndDropsOldest()
{
    ExchangeLog log(5);
    log.append(exchange("/first"));
    ExchangeListModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    std::vector<HttpExchange> batch;
    for (int i = 0; i < 3; ++i)
        batch.push_back(exchange("/batch" + QByteArray::number(i)));
    log.append(std::move(batch));
    QCOMPARE(inserted.count(), 1); // one notification for the batch
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(inserted.first().at(2).toInt(), 3);
    std::vector<HttpExchange> overflow;
    for (int i = 0; i < 3; ++i)
        overflow.push_back(exchange("/overflow" + QByteArray::number(i)));
    log.append(std::move(overflow));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(2).toInt(), 1); // rows 0..1 removed before inserting
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.exchange(0)->path(), QByteArray("/batch1"));
    QCOMPARE(model.rowOf(model.exchange(4)->id), 4);
    log.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::exchangeListSearchText()
{
    ExchangeLog log;
    HttpExchange e = exchange("/login", {"auth_token=x; Path=/"});
    Finding f;
    f.rule = Rule::CK011;
    f.severity = Severity::Medium;
    e.findings.append(f);
    log.append(std::move(e));
    ExchangeListModel model(&log);
    const QString search = model.index(0, 0).data(ExchangeListModel::SearchTextRole).toString();
    for (const char *word : {"/login", "auth_token", "ck011", "medium", "127.0.0.1"})
        QVERIFY2(search.contains(QLatin1String(word)), word);
    QCOMPARE(model.index(0, ExchangeListModel::SeverityColumn).data().toString(), QStringLiteral("medium"));
    QCOMPARE(model.index(0, ExchangeListModel::SetCookieColumn).data().toInt(), 1);
}

void TestModels::exchangeListTellsAttendeesApart()
{
    ExchangeLog log;
    HttpExchange first = exchange("/lab/cookies.html");
    first.clientAddress = QStringLiteral("192.168.1.20");
    first.requestHeaders.append(qMakePair(QByteArray("Cookie"), QByteArray("theme=dark; cookielab_attendee=3fa9c2")));
    HttpExchange second = exchange("/lab/cookies.html");
    second.clientAddress = QStringLiteral("192.168.1.20"); // another browser on the same machine
    second.requestHeaders.append(qMakePair(QByteArray("Cookie"), QByteArray("cookielab_attendee=77d01e")));
    log.append(std::move(first));
    log.append(std::move(second));
    ExchangeListModel model(&log);
    QCOMPARE(model.index(0, ExchangeListModel::ClientColumn).data().toString(), QStringLiteral("192.168.1.20 · 3fa9c2"));
    QCOMPARE(model.index(1, 0).data(ExchangeListModel::AttendeeRole).toString(), QStringLiteral("77d01e"));
    QVERIFY(model.index(0, 0).data(ExchangeListModel::SearchTextRole).toString().contains(QLatin1String("attendee:3fa9c2")));
    QVERIFY(!model.index(1, 0).data(ExchangeListModel::SearchTextRole).toString().contains(QLatin1String("attendee:3fa9c2")));
    QVERIFY(model.index(1, 0).data(ExchangeListModel::SearchTextRole).toString().contains(QLatin1String("client:192.168.1.20")));
}

void TestModels::jarModel()
{
    CookieJar jar;
    qint64 now = 1'700'000'000'000;
    jar.setClock([&now] { return now; });
    CookieJarModel model(&jar);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    jar.setCookie("a=1; Max-Age=3600", CookieRequestContext::forUrl(QUrl(QStringLiteral("http://example.com/"))));
    jar.setCookie("b=2", CookieRequestContext::forUrl(QUrl(QStringLiteral("http://example.com/"))));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.index(0, CookieJarModel::ExpiresColumn).data().toString().contains(QLatin1String("in 60 minutes")));
    QCOMPARE(model.index(1, CookieJarModel::ExpiresColumn).data().toString(), QStringLiteral("Session"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now += 7200 * 1000;
    model.refreshTimes();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), (QList<int>{Qt::DisplayRole, Qt::ToolTipRole, CookieJarModel::ExpiredRole}));
    QVERIFY(model.index(0, CookieJarModel::ExpiresColumn).data().toString().contains(QLatin1String("expired 60 minutes ago")));
}

void TestModels::otherModels()
{
    FindingsModel findings;
    QAbstractItemModelTester findingsTester(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Finding low, high;
    low.rule = Rule::CK010;
    low.severity = Severity::Low;
    high.rule = Rule::CK105;
    high.severity = Severity::High;
    findings.setFindings({low, high});
    QCOMPARE(findings.index(0, FindingsModel::RuleColumn).data().toString(), QStringLiteral("CK105")); // highest first

    SetCookieModel cookies;
    QAbstractItemModelTester cookiesTester(&cookies, QAbstractItemModelTester::FailureReportingMode::QtTest);
    cookies.setCookies({SetCookieParser::parse("a=1; Max-Age=315360000; Secure", 1'700'000'000'000)}, "/");
    QVERIFY(cookies.index(0, SetCookieModel::ExpiresColumn).data().toString().contains(QLatin1String("capped at 400 days")));

    CookieInclusionModel inclusions;
    QAbstractItemModelTester inclusionsTester(&inclusions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CookieInclusion inclusion;
    inclusion.cookie.name = "a";
    inclusion.reason = CookieInclusion::Reason::PathMismatch;
    inclusions.setInclusions({inclusion});
    QCOMPARE(inclusions.index(0, CookieInclusionModel::CheckColumn).data().toString(), QStringLiteral("path"));

    RouteCookiePolicy policy;
    RouteCookiePolicyModel policyModel(&policy);
    QAbstractItemModelTester policyTester(&policyModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&policyModel, &QAbstractItemModel::dataChanged);
    QVERIFY(policyModel.setData(policyModel.index(0, RouteCookiePolicyModel::SecureColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(policy.cookie("/set-cookie user_id")->options.secure, false);
    QSignalSpy rejected(&policyModel, &RouteCookiePolicyModel::editRejected);
    QVERIFY(!policyModel.setData(policyModel.index(0, RouteCookiePolicyModel::MaxAgeColumn), QStringLiteral("an hour")));
    QCOMPARE(rejected.count(), 1);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
