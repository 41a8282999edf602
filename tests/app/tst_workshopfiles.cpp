// SPDX-License-Identifier: MIT
// Durable sessions and the app's import/export: the real `cookielab` killed with SIGKILL while it
// autosaves under live traffic, crash recovery, and imports/exports through the app's own objects.
#include "app/labserver.h"
#include "app/workbench.h"
#include "app/workshopfiles.h"
#include "core/cookiejar.h"
#include "core/exchangelog.h"
#include "core/sessionfile.h"
#include "ui/exportdialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CookieLab;

namespace
{

constexpr qint64 Now = 1'767'225'600'000;
constexpr int SeedExchanges = 2000;

WorkshopSession seedSession()
{
    WorkshopSession session;
    for (int i = 0; i < SeedExchanges; ++i) {
        auto e = std::make_shared<HttpExchange>();
        e->method = "GET";
        e->url = QUrl(QStringLiteral("http://127.0.0.1:8000/set-cookie?n=%1").arg(i));
        e->status = 200;
        e->startedAt = Now + i;
        e->clientAddress = QStringLiteral("10.0.0.%1").arg(i % 7);
        e->requestHeaders = {{"Host", "127.0.0.1:8000"}, {"Cookie", "user_id=12345; theme=dark"}};
        e->responseHeaders = {{"Set-Cookie", "user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax"}};
        HttpExchange::setBody(e->responseBody, e->responseBodySize, QByteArray(400, 'x'));
        session.exchanges.append(e);
    }
    StoredCookie c;
    c.name = "theme";
    c.value = "dark";
    c.domain = "127.0.0.1";
    c.path = "/";
    c.creation = c.lastAccess = Now;
    session.jar.append(c);
    return session;
}

QProcessEnvironment childEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    return env;
}

/** True while the process has a file open in dir other than finalPath: QSaveFile's temporary, mid-write. */
bool isWritingInto(qint64 pid, const QString &dir, const QString &finalPath)
{
    for (const QFileInfo &fd : QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryInfoList(QDir::Files | QDir::System)) {
        const QString target = fd.symLinkTarget();
        if (target.startsWith(dir + QLatin1Char('/')) && target != finalPath && !target.endsWith(QLatin1String(".lock")))
            return true;
    }
    return false;
}

/**
 * Starts the app, keeps requests flowing at it (so it keeps autosaving) and, once a first autosave
 * has landed, kills it with SIGKILL: extraMsecs later, or (extraMsecs < 0) the moment it is seen
 * writing the session. Returns whether the kill hit a write in progress.
 */
bool runAndKill(const QStringList &arguments, const QString &home, const QString &watchedFile, int extraMsecs)
{
    QProcess app;
    app.setProcessEnvironment(childEnvironment(home));
    app.start(QStringLiteral(COOKIELAB_BINARY), arguments);
    [&] { QVERIFY(app.waitForStarted()); }();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine() || app.state() != QProcess::Running, 20000); }();
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("serving on (\\S+)")).match(QString::fromUtf8(app.readLine()));
    if (!match.hasMatch()) {
        [&] { QFAIL(app.readAllStandardError().constData()); }();
        return false;
    }
    const QUrl base(match.captured(1));
    const QDateTime before = QFileInfo(watchedFile).lastModified();
    QNetworkAccessManager network;
    int inFlight = 0;
    std::function<void()> fire = [&] {
        while (inFlight < 4) {
            ++inFlight;
            QNetworkReply *reply = network.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/multi-cookie")))));
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
                reply->deleteLater();
                --inFlight;
                if (app.state() == QProcess::Running)
                    fire();
            });
        }
    };
    fire();
    // At least one autosave has replaced the file, then the kill lands somewhere in the next ones.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(watchedFile).exists() && QFileInfo(watchedFile).lastModified() != before, 20000); }();
    QSignalSpy finished(&app, &QProcess::finished);
    bool duringWrite = false;
    QTimer watch;
    const QString dir = QFileInfo(watchedFile).absolutePath();
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        if (app.state() == QProcess::Running && (extraMsecs >= 0 || isWritingInto(app.processId(), dir, watchedFile))) {
            duringWrite = isWritingInto(app.processId(), dir, watchedFile);
            app.kill(); // SIGKILL
            watch.stop();
        }
    });
    watch.start(qMax(0, extraMsecs));
    [&] { QVERIFY(finished.wait(20000)); }();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 20000); }();
    [&] { QCOMPARE(app.exitStatus(), QProcess::CrashExit); }();
    return duringWrite;
}

} // namespace

class TestWorkshopFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigkillDuringAutosaveNeverCorruptsTheSession();
    void crashedRunIsOfferedBack();
    void aSessionFileOpensInOneWindowOnly();
    void importsThroughTheApp();
    void droppedFilesAreImported();
    void exportDialogNamesWhatIsLost();
    void exportsFromTheApp();

private:
    QTemporaryDir m_home;
};

void TestWorkshopFiles::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Same locations as the child processes get.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.path() + QStringLiteral("/data")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path() + QStringLiteral("/config")));
    QCoreApplication::setOrganizationName(QStringLiteral("CookieLab"));
    QCoreApplication::setApplicationName(QStringLiteral("CookieLab"));
}

void TestWorkshopFiles::sigkillDuringAutosaveNeverCorruptsTheSession()
{
    const QString path = m_home.filePath(QStringLiteral("workshop.cookielab"));
    QString error;
    QVERIFY2(SessionFile::save(path, seedSession(), &error), qPrintable(error));
    qint64 previousCount = SeedExchanges;
    int interruptedWrites = 0;
    for (int round = 0; round < 12; ++round) {
        // Even rounds: killed the moment a write is seen in progress; odd rounds: at a random moment.
        const int extra = round % 2 == 0 ? -1 : int(QRandomGenerator::global()->bounded(60));
        interruptedWrites += runAndKill({QStringLiteral("--session"), path, QStringLiteral("--port"), QStringLiteral("0"),
                                            QStringLiteral("--autosave-interval"), QStringLiteral("1")},
            m_home.path(), path, extra);
        if (QTest::currentTestFailed())
            return;
        WorkshopSession session;
        QVERIFY2(SessionFile::load(path, session, &error),
            qPrintable(QStringLiteral("round %1, killed %2 ms after an autosave: %3").arg(round).arg(extra).arg(error)));
        // Nothing already saved is lost: every run starts from the last save and only adds to it.
        QVERIFY2(session.exchanges.size() >= previousCount,
            qPrintable(QStringLiteral("round %1: %2 exchanges, before %3").arg(round).arg(session.exchanges.size()).arg(previousCount)));
        QCOMPARE(session.jar.constFirst().name, QByteArray("theme"));
        previousCount = session.exchanges.size();
    }
    QVERIFY(previousCount > SeedExchanges);
    qInfo("%d of 12 kills landed while a session write was in progress; the session file stayed whole every time", interruptedWrites);
    QVERIFY(interruptedWrites >= 3);
}

void TestWorkshopFiles::crashedRunIsOfferedBack()
{
    const QString recovery = WorkshopFiles::recoveryPath();
    QVERIFY(recovery.startsWith(m_home.path()));
    runAndKill({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--autosave-interval"), QStringLiteral("20")}, m_home.path(),
        recovery, 0);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFileInfo::exists(recovery + QStringLiteral(".lock"))); // left behind by the killed process

    Workbench::Options options;
    options.port = 0;
    QString error;
    auto bench = Workbench::create(options, &error);
    QVERIFY2(bench, qPrintable(error));
    QVERIFY2(bench->files().start(QString(), 30000, &error), qPrintable(error));
    QCOMPARE(bench->files().crashedSession(), recovery);
    WorkshopSession session;
    QVERIFY(SessionFile::load(recovery, session, &error));
    QVERIFY(!session.exchanges.isEmpty());
    bench->files().restore(session);
    QCOMPARE(bench->lab().log().size(), session.exchanges.size());
    bench.reset(); // quits cleanly: saves and releases the lock

    auto again = Workbench::create(options, &error);
    QVERIFY(again->files().start(QString(), 30000, &error));
    QCOMPARE(again->files().crashedSession(), QString()); // a clean quit is not a crash
}

void TestWorkshopFiles::aSessionFileOpensInOneWindowOnly()
{
    const QString path = m_home.filePath(QStringLiteral("shared.cookielab"));
    Workbench::Options options;
    options.port = 0;
    QString error;
    auto first = Workbench::create(options, &error);
    QVERIFY2(first->files().start(path, 30000, &error), qPrintable(error));
    auto second = Workbench::create(options, &error);
    QVERIFY(!second->files().start(path, 30000, &error));
    QVERIFY2(error.contains(QLatin1String("is open in another CookieLab")), qPrintable(error));
    first.reset(); // releases the file
    QVERIFY2(second->files().start(path, 30000, &error), qPrintable(error));
}

void TestWorkshopFiles::importsThroughTheApp()
{
    Workbench::Options options;
    options.port = 0;
    QString error;
    auto bench = Workbench::create(options, &error);
    QVERIFY(bench);
    WorkshopFiles &files = bench->files();
    QSignalSpy finished(&files, &WorkshopFiles::importFinished);

    files.open(QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/data/chromium-session.har"), WorkshopFiles::IssuePolicy::Reject);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(0).toInt(), 6);
    QTRY_COMPARE(bench->lab().log().size(), 6);
    const HttpExchangePtr first = bench->lab().log().entries().constFirst();
    QCOMPARE(first->source, HttpExchange::Source::Imported);
    QCOMPARE(first->clientAddress, QStringLiteral("chromium-session.har"));
    QVERIFY(!first->findings.isEmpty()); // analysed like live traffic

    // A bad line: nothing is imported under Reject; the valid part under KeepValid.
    const QByteArray text = "example.com\tFALSE\t/\tFALSE\t0\tgood\t1\nexample.com\tFALSE\t/\tFALSE\tnever\tbad\t2\n";
    const qsizetype before = bench->jar().size();
    files.importText(text, WorkshopFiles::IssuePolicy::Reject);
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.takeFirst().at(2).toString().contains(QLatin1String("line 2")));
    QCOMPARE(bench->jar().size(), before);
    files.importText(text, WorkshopFiles::IssuePolicy::KeepValid);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(1).toInt(), 1);
    QCOMPARE(bench->jar().size(), before + 1);

    files.open(m_home.filePath(QStringLiteral("missing.har")), WorkshopFiles::IssuePolicy::Reject);
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.takeFirst().at(2).toString().contains(QLatin1String("cannot read")));
}

void TestWorkshopFiles::droppedFilesAreImported()
{
    Workbench::Options options;
    options.port = 0;
    QString error;
    auto bench = Workbench::create(options, &error);
    QVERIFY(bench);
    bench->window().show();
    QSignalSpy dropped(&bench->window(), &MainWindow::filesDropped);
    QSignalSpy finished(&bench->files(), &WorkshopFiles::importFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/data/login-flow.har"))});
    const QPoint centre = bench->window().rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&bench->window(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&bench->window(), &drop);
    QCOMPARE(dropped.size(), 1);
    // A drop asks before keeping part of a broken file; this one is whole, so nothing is asked.
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.constFirst().at(0).toInt() > 0);
    QCOMPARE(finished.constFirst().at(2).toString(), QString());
}

void TestWorkshopFiles::exportDialogNamesWhatIsLost()
{
    ExportDialog dialog;
    dialog.setFormat(CookieFormat::Netscape);
    QVERIFY(dialog.limitsText().contains(QLatin1String("SameSite")));
    QVERIFY(dialog.limitsText().contains(QLatin1String("cannot carry")));
    dialog.setFormat(CookieFormat::CookieHeader);
    QVERIFY(dialog.limitsText().contains(QLatin1String("every attribute")));
    dialog.setFormat(CookieFormat::Har);
    QVERIFY(dialog.limitsText().startsWith(QLatin1String("Exports every exchange")));
}

void TestWorkshopFiles::exportsFromTheApp()
{
    Workbench::Options options;
    options.port = 0;
    QString error;
    auto bench = Workbench::create(options, &error);
    StoredCookie c;
    c.name = "sid";
    c.value = "secret";
    c.domain = "127.0.0.1";
    c.path = "/";
    c.httpOnly = true;
    c.creation = c.lastAccess = Now;
    bench->jar().insert(c);
    const QString path = m_home.filePath(QStringLiteral("cookies.txt"));
    QVERIFY2(bench->files().exportTo(path, CookieFormat::Netscape, true, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tredacted-"), text.constData());
    QVERIFY(!text.contains("secret"));
    QVERIFY(!bench->files().exportTo(m_home.filePath(QStringLiteral("no/such/dir/x.txt")), CookieFormat::Netscape, false, &error));
    QVERIFY2(error.contains(QLatin1String("no/such/dir")), qPrintable(error));
}

QTEST_MAIN(TestWorkshopFiles)
#include "tst_workshopfiles.moc"
