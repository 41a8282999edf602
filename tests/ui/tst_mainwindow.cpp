// SPDX-License-Identifier: MIT
// The real window under QT_QPA_PLATFORM=offscreen, with the embedded server on loopback.
#include "app/labclient.h"
#include "app/labserver.h"
#include "app/testserver.h"
#include "app/workbench.h"
#include "core/cookiejarmodel.h"
#include "core/exchangelistmodel.h"
#include "core/findingsmodel.h"
#include "core/routecookiepolicymodel.h"
#include "core/setcookiemodel.h"
#include "ui/cookieeditdialog.h"
#include "ui/exchangedetailpane.h"
#include "ui/exchangefiltermodel.h"
#include "ui/exchangelistpane.h"
#include "ui/jarpane.h"
#include "ui/mainwindow.h"
#include "ui/serverpane.h"
#include "ui/setcookiebuilderpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace CookieLab;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginShowsTokenAndFindings();
    void editedJarCookieGoesOut();
    void policyEditRaisesNewFinding();
    void jarClockExpiresCookies();
    void filterExchangeList();
    void editorRefusesBadValues();
    void busyPortIsShownNotFatal();
    void lanBindWarnsAndNamesAttendeeUrls();
    void builderShowsHeaderFindingsAndSends();

private:
    LabClient::Response sendRoute(const QByteArray &method, const QByteArray &path);
    QByteArrayList findingIds() const;

    std::unique_ptr<Workbench> m_bench;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CookieLabTest"));
    Workbench::Options options;
    options.port = 0;
    QString error;
    m_bench = Workbench::create(options, &error);
    QVERIFY2(m_bench, qPrintable(error));
    m_bench->window().show();
    m_bench->window().activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&m_bench->window()));
}

void TestMainWindow::cleanupTestCase()
{
    m_bench.reset();
}

LabClient::Response TestMainWindow::sendRoute(const QByteArray &method, const QByteArray &path)
{
    QSignalSpy responses(&m_bench->client(), &LabClient::responseReceived);
    RequestPane *pane = m_bench->window().requestPane();
    pane->chooseRoute(method, path);
    // Ctrl+Enter in the composer sends, as a user would (after a dialog the window must be active again).
    m_bench->window().activateWindow();
    if (!QTest::qWaitForWindowActive(&m_bench->window()))
        return {};
    pane->urlEdit()->setFocus();
    QTest::keyClick(pane->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    if (!responses.wait(10000))
        return {};
    return responses.takeFirst().at(0).value<LabClient::Response>();
}

QByteArrayList TestMainWindow::findingIds() const
{
    QByteArrayList ids;
    for (const Finding &f : m_bench->window().exchangeDetailPane()->findingsModel()->findings())
        ids.append(f.ruleId());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TestMainWindow::loginShowsTokenAndFindings()
{
    const LabClient::Response response = sendRoute("POST", "/login");
    QCOMPARE(response.status, 200);
    QTRY_VERIFY(m_bench->jar().size() == 1);
    QCOMPARE(m_bench->jar().cookies().first().name, QByteArray("auth_token"));
    QVERIFY(m_bench->jar().cookies().first().httpOnly);
    // The new exchange is selected and its findings shown.
    QTRY_VERIFY(
        m_bench->window().exchangeDetailPane()->exchange() && m_bench->window().exchangeDetailPane()->exchange()->path() == "/login");
    QCOMPARE(findingIds(), (QByteArrayList{"CK004", "CK057", "CK065", "CK131"}));
    QCOMPARE(m_bench->window().exchangeDetailPane()->setCookieModel()->rowCount(), 1);

    const LabClient::Response welcome = sendRoute("GET", "/protected");
    QCOMPARE(welcome.status, 200);
    QCOMPARE(QJsonDocument::fromJson(welcome.body).object().value(QLatin1String("message")).toString(), QStringLiteral("Welcome alice"));
}

void TestMainWindow::editedJarCookieGoesOut()
{
    JarPane *jar = m_bench->window().jarPane();
    jar->selectCookie("auth_token");
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<CookieEditDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->valueEdit()->setText(QStringLiteral("edited-by-hand"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    jar->editSelected();
    QCOMPARE(m_bench->jar().cookies().first().value, QByteArray("edited-by-hand"));

    const LabClient::Response home = sendRoute("GET", "/");
    QCOMPARE(home.cookieSent, QByteArray("auth_token=edited-by-hand"));
    QCOMPARE(QJsonDocument::fromJson(home.body).object().value(QLatin1String("token")).toString(), QStringLiteral("edited-by-hand"));
    // The server rejects the forged token and deletes it.
    const LabClient::Response denied = sendRoute("GET", "/protected");
    QCOMPARE(denied.status, 401);
    QCOMPARE(m_bench->jar().size(), 0);
}

void TestMainWindow::policyEditRaisesNewFinding()
{
    RouteCookiePolicyModel *policy = m_bench->window().serverPane()->policyModel();
    int loginRow = -1;
    for (int row = 0; row < policy->rowCount(); ++row) {
        if (policy->index(row, 0).data(RouteCookiePolicyModel::IdRole).toByteArray() == "/login auth_token")
            loginRow = row;
    }
    QVERIFY(loginRow >= 0);
    QVERIFY(policy->setData(policy->index(loginRow, RouteCookiePolicyModel::HttpOnlyColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(sendRoute("POST", "/login").status == 200);
    QTRY_VERIFY(m_bench->window().exchangeDetailPane()->exchange() && m_bench->window().exchangeDetailPane()->exchange()->path() == "/login"
        && findingIds().contains("CK011"));
    QVERIFY(!m_bench->jar().cookies().first().httpOnly);

    // A value that would break the header is refused with the reason, and nothing changes.
    QSignalSpy rejected(policy, &RouteCookiePolicyModel::editRejected);
    QVERIFY(!policy->setData(policy->index(loginRow, RouteCookiePolicyModel::PathColumn), QStringLiteral("/x\r\nX-Evil: 1")));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(rejected.first().first().toString().contains(QLatin1String("CR")));
    m_bench->lab().policy().reset();
}

void TestMainWindow::jarClockExpiresCookies()
{
    QVERIFY(sendRoute("GET", "/set-cookie").status == 200); // user_id, Max-Age=3600
    JarPane *pane = m_bench->window().jarPane();
    CookieRequestContext context = CookieRequestContext::forUrl(m_bench->lab().server().baseUrl());
    QVERIFY(m_bench->jar().cookieHeader(context).contains("user_id=12345"));
    pane->travel(3601LL * 1000);
    QVERIFY(!m_bench->jar().cookieHeader(context).contains("user_id"));
    CookieJarModel *model = pane->model();
    bool expiredShown = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->cookie(row).name == "user_id")
            expiredShown = model->index(row, CookieJarModel::ExpiresColumn).data(CookieJarModel::ExpiredRole).toBool()
                && model->index(row, CookieJarModel::ExpiresColumn).data().toString().contains(QLatin1String("expired"));
    }
    QVERIFY(expiredShown);
    pane->travel(0);
    QVERIFY(m_bench->jar().cookieHeader(context).contains("user_id=12345"));
}

void TestMainWindow::filterExchangeList()
{
    ExchangeListPane *list = m_bench->window().exchangeListPane();
    m_bench->lab().recorder().flush();
    QTRY_COMPARE(list->view()->model()->rowCount(), int(m_bench->lab().log().size()));
    const int all = list->view()->model()->rowCount();
    QCOMPARE(all, 6); // login, protected, /, protected, login, set-cookie
    QTest::keyClicks(list->filterEdit(), QStringLiteral("CK011"));
    QCOMPARE(list->view()->model()->rowCount(), 1); // only the login with HttpOnly turned off
    list->filterEdit()->setText(QStringLiteral("protected"));
    QCOMPARE(list->view()->model()->rowCount(), 2);
    list->filterEdit()->setText(QStringLiteral("severity>=low auth_token"));
    QVERIFY(list->view()->model()->rowCount() >= 2);
    list->filterEdit()->clear();
    QCOMPARE(list->view()->model()->rowCount(), all);
}

void TestMainWindow::editorRefusesBadValues()
{
    StoredCookie cookie;
    cookie.name = "a";
    cookie.domain = "127.0.0.1";
    cookie.path = "/";
    CookieEditDialog dialog(cookie, 0);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.valueEdit()->setText(QStringLiteral("x;y"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problem().contains(QLatin1String("';' at byte 1")));
    dialog.valueEdit()->setText(QStringLiteral("ok"));
    dialog.nameEdit()->setText(QStringLiteral("bad name"));
    QVERIFY(!ok->isEnabled());
    dialog.nameEdit()->setText(QStringLiteral("good"));
    QVERIFY(ok->isEnabled());
}

void TestMainWindow::busyPortIsShownNotFatal()
{
    const quint16 busy = m_bench->lab().server().port();
    Workbench::Options options;
    options.port = busy;
    QString error;
    const auto second = Workbench::create(options, &error);
    QVERIFY(second);
    QVERIFY(!second->lab().server().isListening());
    // The pane offers another port; taking it starts the server.
    auto *anyPort = second->window().serverPane()->findChild<QPushButton *>();
    Q_UNUSED(anyPort)
    QCOMPARE(second->startServer(QHostAddress::LocalHost, 0), QString());
    QVERIFY(second->lab().server().isListening());
}

void TestMainWindow::lanBindWarnsAndNamesAttendeeUrls()
{
    ServerPane *pane = m_bench->window().serverPane();
    auto *status = pane->findChild<QLabel *>(QStringLiteral("serverStatus"));
    QVERIFY(status);
    const QUrl url = m_bench->lab().server().baseUrl();
    QVERIFY(!status->text().contains(QLatin1String("Warning"))); // the test server is on loopback
    // What the workbench passes for --bind 0.0.0.0 on a machine with two LAN addresses.
    pane->setServerState(
        true, url, {}, {QUrl(QStringLiteral("http://192.168.1.20:8000/lab/")), QUrl(QStringLiteral("http://10.0.0.5:8000/lab/"))});
    QVERIFY2(status->text().contains(QLatin1String("<b>Warning:</b> other machines can reach this server")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1String("Attendees open <a href='http://192.168.1.20:8000/lab/'>")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QLatin1String("http://10.0.0.5:8000/lab/")));
    pane->setServerState(true, url, {});
    QVERIFY(!status->text().contains(QLatin1String("Warning")));
}

void TestMainWindow::builderShowsHeaderFindingsAndSends()
{
    SetCookieBuilderPane *builder = m_bench->window().builderPane();
    builder->nameEdit()->setText(QStringLiteral("built"));
    QCOMPARE(builder->header(), QByteArray("built=abc123; Max-Age=3600; Path=/; SameSite=Lax"));
    QByteArrayList ids;
    for (const Finding &f : builder->findingsModel()->findings())
        ids.append(f.ruleId());
    QVERIFY2(ids.contains("CK010"), ids.join(' ').constData()); // HttpOnly missing
    builder->httpOnlyBox()->setChecked(true);
    QCOMPARE(builder->header(), QByteArray("built=abc123; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax"));
    builder->nameEdit()->setText(QStringLiteral("bad name"));
    QVERIFY(builder->header().isEmpty()); // refused, with the reason shown
    builder->nameEdit()->setText(QStringLiteral("built"));

    QSignalSpy responses(&m_bench->client(), &LabClient::responseReceived);
    auto *send = builder->findChild<QPushButton *>();
    QVERIFY(send);
    send->click();
    QVERIFY(responses.wait(10000));
    QCOMPARE(responses.first().first().value<LabClient::Response>().status, 200);
    bool stored = false;
    for (const StoredCookie &c : m_bench->jar().cookies())
        stored = stored || (c.name == "built" && c.httpOnly);
    QVERIFY(stored);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
