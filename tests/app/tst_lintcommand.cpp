// SPDX-License-Identifier: MIT
// `cookielab lint`, the real executable: formats, exit statuses, SARIF 2.1.0 structure, bad input.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "cookielabprocess.h"

namespace
{

CookielabRun lint(const QStringList &arguments, const QByteArray &input = {})
{
    return runCookielab(QStringList{QStringLiteral("lint")} + arguments, input);
}

} // namespace

class TestLintCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitStatus_data();
    void exitStatus();
    void textFormat();
    void jsonFormat();
    void sarifFormat();
    void harInput();
    void unusableInput_data();
    void unusableInput();
};

void TestLintCommand::exitStatus_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("failOn");
    QTest::addColumn<int>("status");
    const QByteArray clean = "__Host-id=Zq8XvN2mK4pR7tW1yB6cD9fG3hJ5kL0n; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600\n";
    const QByteArray high = "Set-Cookie: data=rO0ABXNyABFqYXZh; Secure; HttpOnly; SameSite=Lax\n";
    QTest::addRow("high finding, default fail-on high") << high << QString() << 1;
    QTest::addRow("low-only input, fail-on high") << QByteArray("theme=dark; Secure; SameSite=Lax\n") << QString() << 0;
    QTest::addRow("low-only input, fail-on low") << QByteArray("theme=dark; Secure; SameSite=Lax\n") << QStringLiteral("low") << 1;
    QTest::addRow("clean session cookie, fail-on medium") << clean << QStringLiteral("medium") << 0;
    QTest::addRow("clean session cookie, fail-on info") << clean << QStringLiteral("info") << 1;
}

void TestLintCommand::exitStatus()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, failOn);
    QFETCH(int, status);
    QStringList arguments{QStringLiteral("-")};
    if (!failOn.isEmpty())
        arguments << QStringLiteral("--fail-on") << failOn;
    const CookielabRun run = lint(arguments, input);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(run.exitCode, status);
}

void TestLintCommand::textFormat()
{
    const CookielabRun run = lint({QStringLiteral("-"), QStringLiteral("--url"), QStringLiteral("http://shop.test/")},
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: sid=abc\r\n");
    QCOMPARE(run.exitCode, 1); // CK003 is high for a session cookie over cleartext HTTP
    QVERIFY(run.out.startsWith("<stdin>:3: Set-Cookie: sid=abc\n"));
    QVERIFY(run.out.contains("  HIGH   CK003 Cookie issued over cleartext HTTP\n"));
    QVERIFY(run.out.contains("`sid` can be read by any script on http://shop.test")
        || run.out.contains("`sid` looks like a session cookie and any script on http://shop.test"));
    QVERIFY(!run.out.contains("\x1b[")); // no colour when stdout is not a terminal
    // Highest severity first.
    QVERIFY(run.out.indexOf("HIGH") < run.out.indexOf("MEDIUM"));
}

void TestLintCommand::jsonFormat()
{
    const CookielabRun run = lint({QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("json")}, "a=1; SameSite=None\n");
    QCOMPARE(run.exitCode, 0);
    const QJsonArray findings = QJsonDocument::fromJson(run.out).array();
    QVERIFY(!findings.isEmpty());
    bool sawNone = false;
    for (const QJsonValue &value : findings) {
        const QJsonObject f = value.toObject();
        for (const char *key : {"rule", "severity", "title", "cookie", "message", "fix", "references", "span"})
            QVERIFY2(f.contains(QLatin1String(key)), key);
        QCOMPARE(f[QLatin1String("cookie")].toString(), QStringLiteral("a"));
        QCOMPARE(f[QLatin1String("line")].toInt(), 1);
        if (f[QLatin1String("rule")].toString() == QLatin1String("CK022")) {
            sawNone = true;
            QCOMPARE(f[QLatin1String("severity")].toString(), QStringLiteral("medium"));
            QCOMPARE(f[QLatin1String("fixedHeader")].toString(), QStringLiteral("a=1; SameSite=None; Secure"));
            QCOMPARE(f[QLatin1String("span")].toArray(), (QJsonArray{5, 13}));
        }
    }
    QVERIFY(sawNone);
}

void TestLintCommand::sarifFormat()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cookies.txt"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("# comment lines are not cookies? they are: nameless\nSet-Cookie: sid=abc; Path=/\ntheme=dark\n");
    out.close();
    const CookielabRun run
        = lint({file, QStringLiteral("--format"), QStringLiteral("sarif"), QStringLiteral("--fail-on"), QStringLiteral("medium")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject sarif = QJsonDocument::fromJson(run.out).object();
    // Required structure of SARIF 2.1.0 (sarifLog → runs → tool.driver + results).
    QCOMPARE(sarif[QLatin1String("version")].toString(), QStringLiteral("2.1.0"));
    QVERIFY(sarif[QLatin1String("$schema")].toString().contains(QLatin1String("sarif-2.1.0")));
    const QJsonArray runs = sarif[QLatin1String("runs")].toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject driver = runs[0][QLatin1String("tool")][QLatin1String("driver")].toObject();
    QCOMPARE(driver[QLatin1String("name")].toString(), QStringLiteral("CookieLab"));
    QSet<QString> ruleIds;
    const QJsonArray rules = driver[QLatin1String("rules")].toArray();
    for (const QJsonValue &rule : rules) {
        QVERIFY(rule[QLatin1String("id")].toString().startsWith(QLatin1String("CK")));
        QVERIFY(!rule[QLatin1String("shortDescription")][QLatin1String("text")].toString().isEmpty());
        ruleIds.insert(rule[QLatin1String("id")].toString());
    }
    const QJsonArray results = runs[0][QLatin1String("results")].toArray();
    QVERIFY(!results.isEmpty());
    for (const QJsonValue &result : results) {
        const QString id = result[QLatin1String("ruleId")].toString();
        QVERIFY2(ruleIds.contains(id), qPrintable(id));
        QCOMPARE(rules[result[QLatin1String("ruleIndex")].toInt()][QLatin1String("id")].toString(), id);
        QVERIFY(QStringList({QStringLiteral("note"), QStringLiteral("warning"), QStringLiteral("error")})
                    .contains(result[QLatin1String("level")].toString()));
        QVERIFY(!result[QLatin1String("message")][QLatin1String("text")].toString().isEmpty());
        const QJsonObject location = result[QLatin1String("locations")][0][QLatin1String("physicalLocation")].toObject();
        QCOMPARE(location[QLatin1String("artifactLocation")][QLatin1String("uri")].toString(), file);
        const QJsonObject region = location[QLatin1String("region")].toObject();
        QVERIFY(region[QLatin1String("startLine")].toInt() >= 1);
        QVERIFY(region[QLatin1String("startColumn")].toInt() >= 1);
        QVERIFY(region[QLatin1String("endColumn")].toInt() > region[QLatin1String("startColumn")].toInt());
    }
    // "sid" is on line 2, after "Set-Cookie: " (12 characters): its findings start at column 13 or later.
    for (const QJsonValue &result : results) {
        const QJsonObject region
            = result[QLatin1String("locations")][0][QLatin1String("physicalLocation")][QLatin1String("region")].toObject();
        if (region[QLatin1String("startLine")].toInt() == 2)
            QVERIFY(region[QLatin1String("startColumn")].toInt() >= 13);
    }
}

void TestLintCommand::harInput()
{
    const QString har = QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/data/login-flow.har");
    const CookielabRun run
        = lint({har, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--fail-on"), QStringLiteral("high")});
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QStringList rules;
    for (const QJsonValue &f : QJsonDocument::fromJson(run.out).array())
        rules.append(f[QLatin1String("rule")].toString());
    // The HAR's login keeps the session id the client already had, and logout does not delete it.
    QVERIFY2(rules.contains(QStringLiteral("CK120")), qPrintable(rules.join(u' ')));
    QVERIFY2(rules.contains(QStringLiteral("CK123")), qPrintable(rules.join(u' ')));
    QCOMPARE(run.exitCode, 1);
}

void TestLintCommand::unusableInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("missing file") << QStringList{QStringLiteral("/nonexistent/cookies.txt")} << QByteArray()
                                  << QByteArray("cannot read /nonexistent/cookies.txt");
    QTest::addRow("empty input") << QStringList{QStringLiteral("-")} << QByteArray("\n\n")
                                 << QByteArray("<stdin>: no Set-Cookie lines found");
    QTest::addRow("binary input") << QStringList{QStringLiteral("-")} << QByteArray("a=1\nb\0c\n", 8)
                                  << QByteArray("<stdin>: line 2: contains NUL bytes");
    QTest::addRow("bad format") << QStringList{QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("xml")} << QByteArray("a=1")
                                << QByteArray("--format must be");
    QTest::addRow("bad fail-on") << QStringList{QStringLiteral("-"), QStringLiteral("--fail-on"), QStringLiteral("critical")}
                                 << QByteArray("a=1") << QByteArray("--fail-on must be");
    QTest::addRow("bad url") << QStringList{QStringLiteral("-"), QStringLiteral("--url"), QStringLiteral("example.com")}
                             << QByteArray("a=1") << QByteArray("--url must be");
}

void TestLintCommand::unusableInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const CookielabRun run = lint(arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestLintCommand)
#include "tst_lintcommand.moc"
