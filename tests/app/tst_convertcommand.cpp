// SPDX-License-Identifier: MIT
// `cookielab convert` as users run it: real executable, real files, curl's own reading of the cookies.txt it writes.
#include "cookielabprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace
{

const QString chromiumHar = QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/data/chromium-session.har");

CookielabRun convert(const QStringList &arguments, const QByteArray &input = {})
{
    return runCookielab(QStringList{QStringLiteral("convert")} + arguments, input);
}

} // namespace

class TestConvertCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void harToEveryFormat_data();
    void harToEveryFormat();
    void lostFieldsAreNamedOnStandardError();
    void badInputIsAllOrNothing();
    void sanitizedHarIsExplained();
    void redactKeepsNamesAndEquality();
    void outputIsWrittenAtomically();
    void curlReadsTheCookiesTxt();
    void lintReadsTheServeLog();
};

void TestConvertCommand::harToEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");
    // The jar Chromium held at the end of the recorded session (logout deleted auth_token).
    QTest::addRow("netscape") << "netscape" << QByteArray("#HttpOnly_localhost\tFALSE\t/\tTRUE\t");
    QTest::addRow("json") << "json" << QByteArray("\"name\": \"remember_me\"");
    QTest::addRow("header") << "header" << QByteArray("user_id=12345; user=john; theme=dark; remember_me=true\n");
    QTest::addRow("set-cookie") << "set-cookie" << QByteArray("user_id=12345; Path=/; Expires=");
    QTest::addRow("csv") << "csv" << QByteArray("\r\nuser_id,12345,localhost,true,/,");
    QTest::addRow("curl") << "curl" << QByteArray("curl 'https://localhost/' -b 'user_id=12345; user=john; theme=dark; remember_me=true'");
    QTest::addRow("har") << "har" << QByteArray("\"url\":\"http://localhost:8765/protected\"");
    QTest::addRow("jsonl") << "jsonl" << QByteArray("\"method\":\"POST\"");
}

void TestConvertCommand::harToEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    const CookielabRun run = convert({chromiumHar, QStringLiteral("--to"), format});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(expected), run.out.constData());
    QVERIFY(!run.out.contains("auth_token=v1") || format == QLatin1String("har") || format == QLatin1String("jsonl"));
}

void TestConvertCommand::lostFieldsAreNamedOnStandardError()
{
    const CookielabRun run = convert({chromiumHar, QStringLiteral("--to"), QStringLiteral("netscape")});
    QVERIFY2(run.err.contains("cannot carry: SameSite"), run.err.constData());
    const CookielabRun json = convert({chromiumHar, QStringLiteral("--to"), QStringLiteral("json")});
    QVERIFY(!json.err.contains("SameSite (the format has no field"));
}

void TestConvertCommand::badInputIsAllOrNothing()
{
    const QByteArray text = "example.com\tFALSE\t/\tFALSE\t0\tgood\t1\nexample.com\tFALSE\t/\tFALSE\tsoon\tbad\t2\n";
    CookielabRun run = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("header")}, text);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("<stdin>: line 2: the expiry \"soon\""), run.err.constData());
    run = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("header"), QStringLiteral("--keep-valid")}, text);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("good=1\n"));
    run = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("har")}, text);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("holds cookies, not traffic"), run.err.constData());
    run = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("xml")}, text);
    QCOMPARE(run.exitCode, 2);
}

void TestConvertCommand::sanitizedHarIsExplained()
{
    // DevTools' default export: no Cookie or Set-Cookie header anywhere. The conversion succeeds (an
    // empty jar) and says why it is empty.
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[
        {"startedDateTime":"2026-12-01T10:00:00.000Z","time":3,
         "request":{"method":"GET","url":"https://example.com/","headers":[{"name":"accept","value":"*/*"}],"cookies":[]},
         "response":{"status":200,"headers":[{"name":"content-type","value":"text/html"}],"cookies":[]}}]}})";
    const CookielabRun run = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("header")}, har);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("note: <stdin>: no entry has a Cookie or Set-Cookie header"), run.err.constData());
    QVERIFY(run.err.contains("Export HAR (with sensitive data)"));
}

void TestConvertCommand::redactKeepsNamesAndEquality()
{
    const CookielabRun run = convert({chromiumHar, QStringLiteral("--to"), QStringLiteral("har"), QStringLiteral("--redact")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains("v1.YWxpY2U"));
    QVERIFY(!run.out.contains("wonderland"));
    const QJsonArray entries = QJsonDocument::fromJson(run.out).object()[QLatin1String("log")][QLatin1String("entries")].toArray();
    QString issued, sentBack;
    for (const QJsonValue entry : entries) {
        for (const QJsonValue c : entry[QLatin1String("response")][QLatin1String("cookies")].toArray()) {
            if (c[QLatin1String("name")].toString() == QLatin1String("auth_token") && !c[QLatin1String("value")].toString().isEmpty())
                issued = c[QLatin1String("value")].toString();
        }
        if (entry[QLatin1String("request")][QLatin1String("url")].toString().endsWith(QLatin1String("/protected"))) {
            for (const QJsonValue c : entry[QLatin1String("request")][QLatin1String("cookies")].toArray()) {
                if (c[QLatin1String("name")].toString() == QLatin1String("auth_token"))
                    sentBack = c[QLatin1String("value")].toString();
            }
        }
    }
    QVERIFY(issued.startsWith(QLatin1String("redacted-")));
    QCOMPARE(sentBack, issued);
}

void TestConvertCommand::outputIsWrittenAtomically()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("jar.txt"));
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me\n");
    existing.close();
    CookielabRun run
        = convert({QStringLiteral("-"), QStringLiteral("--to"), QStringLiteral("netscape"), QStringLiteral("-o"), out}, "{ not json");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me\n")); // a failed conversion leaves the old file alone
    existing.close();
    run = convert({chromiumHar, QStringLiteral("--to"), QStringLiteral("netscape"), QStringLiteral("-o"), out});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QVERIFY(existing.readAll().startsWith("# Netscape HTTP Cookie File"));
}

void TestConvertCommand::curlReadsTheCookiesTxt()
{
    // curl's own cookie engine reads what we write: `curl -b FILE -c OUT` re-saves it in curl's words.
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("ours.txt"));
    const QString theirs = dir.filePath(QStringLiteral("theirs.txt"));
    QFile input(ours);
    QVERIFY(input.open(QIODevice::WriteOnly));
    // Expiry in 2100 so curl keeps every cookie; a session cookie; HttpOnly; a domain cookie.
    const CookielabRun run = convert(
        {QStringLiteral("-"), QStringLiteral("--from"), QStringLiteral("json"), QStringLiteral("--to"), QStringLiteral("netscape")},
        R"([{"domain":"localhost","hostOnly":true,"httpOnly":true,"name":"sid","path":"/","secure":false,"session":false,"expirationDate":4102444800,"value":"abc"},
            {"domain":".example.com","hostOnly":false,"httpOnly":false,"name":"theme","path":"/","secure":true,"session":true,"value":"dark"}])");
    QCOMPARE(run.exitCode, 0);
    input.write(run.out);
    input.close();
    QProcess process;
    process.start(
        curl, {QStringLiteral("-s"), QStringLiteral("-b"), ours, QStringLiteral("-c"), theirs, QStringLiteral("file:///dev/null")});
    QVERIFY(process.waitForFinished(30000));
    QFile saved(theirs);
    QVERIFY2(saved.open(QIODevice::ReadOnly), "curl wrote no cookie jar");
    const QByteArray text = saved.readAll();
    QVERIFY2(text.contains("#HttpOnly_localhost\tFALSE\t/\tFALSE\t4102444800\tsid\tabc"), text.constData());
    QVERIFY2(text.contains(".example.com\tTRUE\t/\tTRUE\t0\ttheme\tdark"), text.constData());
}

void TestConvertCommand::lintReadsTheServeLog()
{
    const CookielabRun jsonl = convert({chromiumHar, QStringLiteral("--to"), QStringLiteral("jsonl")});
    QCOMPARE(jsonl.exitCode, 0);
    QTemporaryDir dir;
    QFile log(dir.filePath(QStringLiteral("serve.jsonl")));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(jsonl.out);
    log.close();
    const CookielabRun lint = runCookielab({QStringLiteral("lint"), log.fileName(), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(lint.exitCode, 1); // auth_token's findings reach "high"
    QVERIFY2(lint.out.contains("CK066"), lint.out.constData()); // the logout deletion, found in the log's traffic
}

QTEST_GUILESS_MAIN(TestConvertCommand)
#include "tst_convertcommand.moc"
