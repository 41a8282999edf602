// SPDX-License-Identifier: MIT
// The real `cookielab jar` executable, fed bytes that text tools would mangle.
#include <QTemporaryFile>
#include <QTest>

#include "cookielabprocess.h"

namespace
{

CookielabRun run(const QStringList &arguments, const QByteArray &input = {})
{
    return runCookielab(QStringList{QStringLiteral("jar")} + arguments, input);
}

} // namespace

class TestJarCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesReachTheEngineUntouched();
    void profiles_data();
    void profiles();
    void badLineIsReportedWithItsNumber();
    void missingScriptFile();
    void explainGoesToStderr();
};

void TestJarCommand::bytesReachTheEngineUntouched()
{
    const QByteArray script = "NOW 1420070400\n"
                              "SET http://example.com/ tab=a\tb\n"
                              "SET http://example.com/ cr=1\r\n"
                              "SET http://example.com/ utf=\xff\xfe\n"
                              "SET http://example.com/ \n"
                              "SET http://example.com/\n"
                              "GET http://example.com/\n"
                              "GET http://other.com/\n";
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(script);
    file.flush();
    const CookielabRun fromFile = run({QStringLiteral("--script"), file.fileName()});
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(fromFile.out, QByteArray("tab=a\tb; utf=\xff\xfe\n\n"));
    const CookielabRun fromStdin = run({}, script);
    QCOMPARE(fromStdin.out, fromFile.out);
}

void TestJarCommand::profiles_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("chromium refuses ambiguous nameless") << QStringLiteral("chromium") << QByteArray("\n");
    QTest::addRow("draft keeps it") << QStringLiteral("rfc6265bis") << QByteArray("a=b\n");
}

void TestJarCommand::profiles()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, expected);
    const CookielabRun result = run({QStringLiteral("--profile"), profile}, "SET http://example.com/ =a=b\nGET http://example.com/\n");
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, expected);
}

void TestJarCommand::badLineIsReportedWithItsNumber()
{
    const CookielabRun result = run({}, "SET http://example.com/ a=1\nFETCH http://example.com/\nGET http://example.com/\n");
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QByteArray("a=1\n"));
    QVERIFY2(result.err.contains("line 2: unknown command \"FETCH\""), result.err.constData());
    // Fuzz regression: a clock beyond year 9999 overflowed; now it is refused.
    const CookielabRun farFuture = run({}, "NOW 99999999999999999\nGET http://example.com/\n");
    QCOMPARE(farFuture.exitCode, 1);
    QVERIFY(farFuture.err.contains("line 1: NOW needs Unix seconds between"));
    const CookielabRun badProfile = run({QStringLiteral("--profile"), QStringLiteral("firefox")});
    QCOMPARE(badProfile.exitCode, 2);
    QVERIFY(badProfile.err.contains("unknown profile"));
}

void TestJarCommand::missingScriptFile()
{
    const CookielabRun result = run({QStringLiteral("--script"), QStringLiteral("/nonexistent/jar.script")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("/nonexistent/jar.script"));
}

void TestJarCommand::explainGoesToStderr()
{
    const CookielabRun result = run({QStringLiteral("--explain")}, "SET http://example.com/ a=1; Secure\nGET http://example.com/\n");
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("\n"));
    QVERIFY2(result.err.contains("line 1: rejected secure-only"), result.err.constData());
}

QTEST_GUILESS_MAIN(TestJarCommand)
#include "tst_jarcommand.moc"
