// SPDX-License-Identifier: MIT
// Every shipped lesson, run end to end in the app: request steps through the lessons pane's own
// button (the app's client, the real server), browser steps by the requests a browser would send,
// switch steps through the server pane's checkboxes; each step must turn green.
#include "app/labclient.h"
#include "app/labserver.h"
#include "app/testserver.h"
#include "app/workbench.h"
#include "app/workshopfiles.h"
#include "core/exchangelog.h"
#include "core/lessonprogress.h"
#include "core/vulnerabilityswitches.h"
#include "rawhttp.h"
#include "ui/lessonspane.h"
#include "ui/mainwindow.h"
#include "ui/serverpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CookieLab;

class TestLessonsFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyLessonRunsEndToEnd_data();
    void everyLessonRunsEndToEnd();
    void resetExerciseEmptiesEverything();
    void reportExportsAsHtmlAndPdf();
    void presenterModeEnlargesAndSimplifies();

private:
    /** What an attendee's browser would send for a browser step. */
    void browse(const QByteArray &lesson, int step, const QByteArray &path);
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

    std::unique_ptr<Workbench> m_bench;
};

void TestLessonsFlow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CookieLabTest"));
    Workbench::Options options;
    options.port = 0;
    QString error;
    m_bench = Workbench::create(options, &error);
    QVERIFY2(m_bench, qPrintable(error));
    QVERIFY(m_bench->lessonIssues().isEmpty());
    m_bench->window().show();
    QCOMPARE(m_bench->lessons().lessons().size(), 16);
}

void TestLessonsFlow::send(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    QSignalSpy answered(&m_bench->client(), &LabClient::responseReceived);
    OutgoingRequest request;
    request.method = method;
    request.url = m_bench->window().requestPane()->baseUrl().resolved(QUrl::fromEncoded(path));
    request.body = body;
    m_bench->send(request);
    QVERIFY(answered.wait(10000)); // the jar has what the response set before the next step
}

void TestLessonsFlow::browse(const QByteArray &lesson, int step, const QByteArray &path)
{
    if (lesson == "csrf-and-samesite" && step == 1) // the attacker page's link
        return send("GET", "/lab/echo?via=navigation");
    if (lesson == "csrf-and-samesite" && step == 4) // the attacker page's form
        return send("POST", "/lab/echo?via=form");
    if (lesson == "cookie-tossing" && step == 3) { // logging in on app.cookielab.localhost
        const QByteArray body = R"({"username":"alice","password":"wonderland"})";
        rawRequest(m_bench->lab().server().port(),
            "POST /login HTTP/1.1\r\nHost: app.cookielab.localhost\r\nConnection: close\r\nContent-Type: "
            "application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    }
    send("GET", path);
}

void TestLessonsFlow::everyLessonRunsEndToEnd_data()
{
    QTest::addColumn<int>("lesson");
    for (int l = 0; l < 16; ++l)
        QTest::addRow("%d", l + 1) << l;
}

void TestLessonsFlow::everyLessonRunsEndToEnd()
{
    QFETCH(int, lesson);
    LessonProgress &progress = m_bench->lessons();
    const Lesson &l = progress.lessons().at(lesson);
    MainWindow &window = m_bench->window();
    LessonsPane *pane = window.lessonsPane();
    m_bench->lab().switches().reset();
    pane->showLesson(lesson);
    QCOMPARE(pane->currentLesson(), lesson);
    for (int s = 0; s < l.steps.size(); ++s) {
        const LessonStep &step = l.steps.at(s);
        if (step.check.vulnerability) {
            auto *box = window.serverPane()->findChild<QCheckBox *>(
                QStringLiteral("switch-") + QString::fromLatin1(step.check.vulnerability->id));
            QVERIFY(box);
            box->setChecked(step.check.vulnerability->on);
        }
        if (step.request) {
            QSignalSpy answered(&m_bench->client(), &LabClient::responseReceived);
            pane->selectStep(s);
            pane->doCurrentStep();
            QVERIFY(answered.wait(10000));
        } else if (!step.browserPath.isEmpty()) {
            browse(l.id, s, step.browserPath);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(progress.stepPassed(lesson, s),
            qPrintable(QStringLiteral("%1 step %2: %3").arg(QString::fromUtf8(l.id)).arg(s + 1).arg(step.text)), 15000);
        QVERIFY(pane->stepList()->item(s)->data(Qt::UserRole).toBool()); // green in the pane
    }
    for (int q = 0; q < l.quiz.size(); ++q)
        QVERIFY(progress.answerQuiz(lesson, q, l.quiz.at(q).answer));
    QCOMPARE(progress.doneCount(lesson), progress.totalCount(lesson));
    m_bench->lab().switches().reset();
}

void TestLessonsFlow::resetExerciseEmptiesEverything()
{
    send("POST", "/login", R"({"username":"alice","password":"wonderland"})");
    QTRY_VERIFY(m_bench->jar().size() > 0);
    QVERIFY(m_bench->lab().sessions().activeSessions() > 0);
    QMetaObject::invokeMethod(&m_bench->window(), &MainWindow::resetExerciseRequested);
    QTRY_COMPARE(m_bench->lab().log().size(), 0);
    QCOMPARE(m_bench->jar().size(), 0);
    QCOMPARE(m_bench->lab().sessions().activeSessions(), 0);
}

void TestLessonsFlow::reportExportsAsHtmlAndPdf()
{
    send("GET", "/remember-me");
    QTRY_VERIFY(m_bench->lab().log().size() > 0);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_bench->files().saveReport(dir.filePath(QStringLiteral("report.html")), &error), qPrintable(error));
    QFile html(dir.filePath(QStringLiteral("report.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray text = html.readAll();
    QVERIFY(text.contains("CK060"));
    QVERIFY(text.contains("remember_me"));
    QVERIFY(text.contains("Permanent cookies and the 400-day cap"));
    QVERIFY2(text.contains("Permanent cookies and the 400-day cap</td><td>4/4</td>"), text.constData()); // two steps, two quiz questions
    QVERIFY2(m_bench->files().saveReport(dir.filePath(QStringLiteral("report.pdf")), &error), qPrintable(error));
    QFile pdf(dir.filePath(QStringLiteral("report.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 2000);
    QVERIFY(!m_bench->files().saveReport(dir.filePath(QStringLiteral("missing/report.pdf")), &error));
    QVERIFY(error.contains(QLatin1String("missing/report.pdf")));
}

void TestLessonsFlow::presenterModeEnlargesAndSimplifies()
{
    MainWindow &window = m_bench->window();
    const qreal normal = QApplication::font().pointSizeF();
    window.setPresenterMode(true);
    QVERIFY(QApplication::font().pointSizeF() > normal * 1.5);
    QVERIFY(window.lessonsPane()->isVisible());
    QVERIFY(!window.requestPane()->isVisible());
    window.setPresenterMode(false);
    QCOMPARE(QApplication::font().pointSizeF(), normal);
    QTRY_VERIFY(window.requestPane()->isVisible());
}

QTEST_MAIN(TestLessonsFlow)
#include "tst_lessonsflow.moc"
