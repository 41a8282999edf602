// SPDX-License-Identifier: MIT
// Runs the http-state parser suite (../shared/conformance/http-state, see its README) through the
// jar script interpreter, once per behaviour profile.
#include "core/cookiejar.h"
#include "core/jarscript.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTest>
#include <QUrl>

using namespace CookieLab;

namespace
{

const QString SuiteDir = QStringLiteral(COOKIELAB_SHARED_DIR "/conformance/http-state/parser");
constexpr qint64 PinnedNow = 1420070400; // 2015-01-01T00:00:00Z, as the suite's README asks

// Cases whose answer RFC 6265bis (and WPT) changed from the 2011 files, per the suite's README.
const QHash<QByteArray, QByteArray> &rfc6265bisAnswers()
{
    static const QHash<QByteArray, QByteArray> answers = {
        {"0004", "foo"},
        {"0021", "a=b; x; c=d"},
        {"0023", "foo"},
        {"0024", "foo"},
        {"0025", "foo"},
        {"0026", "foo"},
        {"0027", "bar"},
        {"0028", "foo"},
        {"chromium0009", "BLAHHH"},
        {"chromium0010", "\"BLA\\\"HHH\""},
        {"chromium0012", "ABC"},
        {"mozilla0012", "test=\"fubar! = foo; five"},
        {"mozilla0014", "six"},
        {"mozilla0015", "seven"},
        {"mozilla0016", "eight"},
        {"mozilla0017", "eight; test=six"},
        {"name0017", "a=bar"},
        {"name0023", "foo"},
        {"name0025", "==a=bar"},
        {"name0028", "a"},
        {"name0031", "\"foo"},
        {"name0032", "\"foo\\\"bar"},
        {"name0033", "aaa"},
        {"optional-domain0042", "foo=bar"},
    };
    return answers;
}

// tests/conformance/chromium-differences.tsv: case <TAB> Chromium's Cookie header <TAB> why.
QHash<QByteArray, QByteArray> chromiumAnswers()
{
    QHash<QByteArray, QByteArray> answers;
    QFile file(QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/conformance/chromium-differences.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read chromium-differences.tsv");
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 3)
            qFatal("chromium-differences.tsv: malformed line: %s", line.constData());
        answers.insert(fields[0], fields[1]);
    }
    return answers;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fieldValue(const QByteArray &line)
{
    QByteArray value = line.mid(line.indexOf(':') + 1);
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove(0, 1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value;
}

// The exact Cookie header the file expects; empty for "no Cookie header".
QByteArray expectedHeader(const QByteArray &expectedFile)
{
    QList<QByteArray> cookieLines;
    for (const QByteArray &line : expectedFile.split('\n')) {
        if (line.startsWith("Cookie:"))
            cookieLines.append(line);
    }
    if (cookieLines.size() != 1)
        return {};
    QByteArray value = cookieLines.first().mid(int(qstrlen("Cookie:")));
    while (value.startsWith(' '))
        value.remove(0, 1);
    return value;
}

// The whole case as a jar script: set every cookie from R1, then GET R2.
QByteArray scriptFor(const QByteArray &name, const QByteArray &testFile)
{
    const QByteArray r1 = "http://home.example.org:8888/cookie-parser?" + name;
    QUrl r2(QString::fromLatin1("http://home.example.org:8888/cookie-parser-result?" + name));
    QByteArray script = "NOW " + QByteArray::number(PinnedNow) + '\n';
    for (const QByteArray &line : testFile.split('\n')) {
        const QByteArray field = line.left(line.indexOf(':')).trimmed().toLower();
        if (field == "set-cookie")
            script += "SET " + r1 + ' ' + fieldValue(line) + '\n';
        else if (field == "location")
            r2 = QUrl(QString::fromLatin1(r1)).resolved(QUrl(QString::fromLatin1(fieldValue(line))));
    }
    script += "GET " + r2.toEncoded() + '\n';
    return script;
}

} // namespace

class TestHttpStateConformance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suite_data();
    void suite();
};

void TestHttpStateConformance::suite_data()
{
    if (!QDir(SuiteDir).exists())
        QSKIP("../shared/conformance/http-state is absent; the conformance suite cannot run.");
    QTest::addColumn<CookieJar::Profile>("profile");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QByteArray>("expected");

    const QHash<QByteArray, QByteArray> chromium = chromiumAnswers();
    const QStringList tests = QDir(SuiteDir).entryList({QStringLiteral("*-test")}, QDir::Files, QDir::Name);
    int enabled = 0;
    for (const QString &testName : tests) {
        if (testName.startsWith(QLatin1String("disabled-")))
            continue;
        ++enabled;
        const QByteArray name = testName.chopped(int(qstrlen("-test"))).toLatin1();
        const QByteArray script = scriptFor(name, readAll(SuiteDir + u'/' + testName));
        QByteArray expected = expectedHeader(readAll(SuiteDir + u'/' + QString::fromLatin1(name) + QStringLiteral("-expected")));
        expected = rfc6265bisAnswers().value(name, expected);
        QTest::addRow("rfc6265bis/%s", name.constData()) << CookieJar::Profile::Rfc6265bis << script << expected;
        QTest::addRow("chromium/%s", name.constData()) << CookieJar::Profile::Chromium << script << chromium.value(name, expected);
    }
    QCOMPARE(enabled, 218);
}

void TestHttpStateConformance::suite()
{
    QFETCH(CookieJar::Profile, profile);
    QFETCH(QByteArray, script);
    QFETCH(QByteArray, expected);

    CookieJar jar;
    jar.setProfile(profile);
    JarScript runner(jar);
    QList<QByteArray> output;
    QStringList errors;
    runner.setOutput([&output](const QByteArray &line) { output.append(line); });
    runner.setMessages([&errors](const QString &message) { errors.append(message); });
    QCOMPARE(runner.run(script), 0);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(output.size(), 1);
    QCOMPARE(output.first(), expected);
}

QTEST_APPLESS_MAIN(TestHttpStateConformance)
#include "tst_httpstateconformance.moc"
