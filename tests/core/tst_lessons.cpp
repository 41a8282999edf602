// SPDX-License-Identifier: MIT
// Lesson files and live progress: the shipped lessons cover the documentation and every switch;
// broken lesson files are reported with file and line; checks pass on the right evidence only.
#include "core/cookiejar.h"
#include "core/lessonbook.h"
#include "core/lessonprogress.h"
#include "core/vulnerabilityswitches.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace CookieLab;

namespace
{

const QString BuiltIn = QStringLiteral(COOKIELAB_SOURCE_DIR "/resources/lessons");

QByteArray minimalLesson(const QByteArray &steps)
{
    return R"({
  "id": "x",
  "title": "X",
  "explanation": "<p>x</p>",
  "steps": )"
        + steps + "\n}\n";
}

HttpExchangePtr exchange(
    const char *method, const char *path, int status, HeaderList request, HeaderList response, QList<Finding> findings = {})
{
    auto e = std::make_shared<HttpExchange>();
    e->method = method;
    e->url = QUrl(QStringLiteral("http://127.0.0.1:8000") + QLatin1String(path));
    e->status = status;
    e->startedAt = 1'767'225'600'000;
    e->requestHeaders = std::move(request);
    e->responseHeaders = std::move(response);
    e->findings = std::move(findings);
    return e;
}

} // namespace

class TestLessons final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInLessonsLoadAndCoverTheDocumentation();
    void everySwitchHasItsLesson();
    void brokenLessonFilesAreReportedAndSkipped_data();
    void brokenLessonFilesAreReportedAndSkipped();
    void exchangeChecks_data();
    void exchangeChecks();
    void jarAndSwitchChecksCombineAndStayPassed();
    void quizAndProgressRoundTrip();
};

void TestLessons::builtInLessonsLoadAndCoverTheDocumentation()
{
    QList<ImportIssue> issues;
    const QList<Lesson> lessons = LessonBook::load({BuiltIn}, &issues);
    QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).toString()));
    QCOMPARE(lessons.size(), 16);
    // One lesson per section of the seed document (its level-2 headings).
    QFile seed(QStringLiteral(COOKIELAB_SHARED_DIR "/seed/handling-cookies-in-nexios.md"));
    if (!seed.open(QIODevice::ReadOnly))
        QSKIP("../shared is not beside the checkout");
    QStringList sections;
    for (const QByteArray &line : seed.readAll().split('\n')) {
        if (line.startsWith("## ") || line.startsWith("### "))
            sections.append(QString::fromUtf8(line.mid(line.indexOf(' ') + 1)).trimmed());
    }
    QVERIFY(sections.size() >= 9);
    for (const QString &section : std::as_const(sections)) {
        const bool taught = std::any_of(lessons.begin(), lessons.end(), [&section](const Lesson &l) { return l.section == section; });
        QVERIFY2(taught, qPrintable(section));
    }
    for (const char *topic : {"xss-and-httponly", "csrf-and-samesite", "session-fixation", "cookie-tossing"})
        QVERIFY(std::any_of(lessons.begin(), lessons.end(), [topic](const Lesson &l) { return l.id == topic; }));
    QSet<int> answerPlaces;
    for (const Lesson &lesson : lessons) {
        QVERIFY2(lesson.quiz.size() >= 2, lesson.id.constData()); // a short quiz, not a single question
        for (const QuizQuestion &question : lesson.quiz)
            answerPlaces.insert(question.answer);
        for (const LessonStep &step : lesson.steps)
            QVERIFY2(step.request || !step.browserPath.isEmpty() || step.check.vulnerability || step.check.jar, qPrintable(step.text));
    }
    // Right answers in every place, so "always pick the second" is not a strategy.
    QCOMPARE(answerPlaces, (QSet<int>{0, 1, 2}));
}

void TestLessons::everySwitchHasItsLesson()
{
    QList<ImportIssue> issues;
    const QList<Lesson> lessons = LessonBook::load({BuiltIn}, &issues);
    for (const VulnerabilityInfo &info : VulnerabilitySwitches::all()) {
        const auto lesson = std::find_if(lessons.begin(), lessons.end(), [&info](const Lesson &l) { return l.id == info.lesson; });
        QVERIFY2(lesson != lessons.end(), info.lesson.constData());
        QCOMPARE(lesson->vulnerability, info.id);
        // The lesson shows the rule that catches the switch.
        bool showsRule = false;
        for (const LessonStep &step : lesson->steps)
            showsRule = showsRule || (step.check.exchange && info.rules.contains(QString::fromLatin1(step.check.exchange->finding)));
        QVERIFY2(showsRule, info.lesson.constData());
    }
}

void TestLessons::brokenLessonFilesAreReportedAndSkipped_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    QTest::addRow("not json") << QByteArray("{\n  \"id\": \"x\",\n  \"title\": oops\n}") << 3 << "not valid JSON";
    QTest::addRow("missing title") << QByteArray("{\n  \"id\": \"x\",\n  \"explanation\": \"e\",\n  \"steps\": []\n}") << 1
                                   << "$.title: expected a non-empty string";
    QTest::addRow("no steps") << minimalLesson("[]") << 5 << "$.steps: a lesson needs at least one step";
    QTest::addRow("unknown check") << minimalLesson("[\n    {\"text\": \"t\",\n     \"check\": {\"telepathy\": {}}}\n  ]") << 7
                                   << "$.steps[0].check.telepathy: unknown check";
    QTest::addRow("unknown rule") << minimalLesson(
        "[\n    {\"text\": \"t\",\n     \"check\": {\"exchange\": {\"finding\": \"CK999\"}}}\n  ]")
                                  << 7 << "$.steps[0].check.exchange.finding: \"CK999\" is not a rule";
    QTest::addRow("step without a check") << minimalLesson("[\n    {\"text\": \"t\", \"check\": {}}\n  ]") << 6
                                          << "$.steps[0].check: every step needs a check";
    QTest::addRow("unknown switch") << minimalLesson("[\n    {\"text\": \"t\",\n     \"check\": {\"switch\": {\"id\": \"telnet\"}}}\n  ]")
                                    << 7 << "$.steps[0].check.switch.id: no vulnerability switch is called \"telnet\"";
    QTest::addRow("bad request path") << minimalLesson(
        "[\n    {\"text\": \"t\", \"request\": {\"path\": \"login\"},\n     \"check\": {\"jar\": {\"name\": \"a\"}}}\n  ]")
                                      << 6 << "$.steps[0].request.path: must start with '/'";
    QTest::addRow("quiz answer out of range") << QByteArray(
        minimalLesson("[{\"text\": \"t\", \"check\": {\"jar\": {\"name\": \"a\"}}}]").chopped(3)
        + ",\n  \"quiz\": [\n    {\"question\": \"q?\", \"options\": [\"a\", \"b\"], \"answer\": 2, \"why\": \"w\"}]\n}\n")
                                              << 7 << "$.quiz[0]: needs at least two options";
}

void TestLessons::brokenLessonFilesAreReportedAndSkipped()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("50-broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(text);
    broken.close();
    QFile good(dir.filePath(QStringLiteral("60-good.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(minimalLesson(R"([{"text": "t", "check": {"jar": {"name": "a"}}}])").replace("\"x\"", "\"good\""));
    good.close();
    QList<ImportIssue> issues;
    const QList<Lesson> lessons = LessonBook::load({BuiltIn, dir.path()}, &issues);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.constFirst().where, broken.fileName() + QStringLiteral(":%1").arg(line));
    QVERIFY2(issues.constFirst().reason.startsWith(reason), qPrintable(issues.constFirst().reason));
    QCOMPARE(lessons.size(), 17); // the shipped ones and the instructor's good file
    QCOMPARE(lessons.constLast().id, QByteArray("good"));
}

void TestLessons::exchangeChecks_data()
{
    QTest::addColumn<QByteArray>("check");
    QTest::addColumn<bool>("expected");
    // The exchange: POST /login → 200, the request carried theme, the response stores auth_token and deletes old; CK011 raised.
    QTest::addRow("path and status") << QByteArray(R"({"path": "/login", "status": 200})") << true;
    QTest::addRow("wrong status") << QByteArray(R"({"path": "/login", "status": 401})") << false;
    QTest::addRow("method") << QByteArray(R"({"method": "GET", "path": "/login"})") << false;
    QTest::addRow("query is not part of the path") << QByteArray(R"({"path": "/login?next=/"})") << false;
    QTest::addRow("stores") << QByteArray(R"({"setCookie": "auth_token"})") << true;
    QTest::addRow("a deletion is not a store") << QByteArray(R"({"setCookie": "old"})") << false;
    QTest::addRow("deletes") << QByteArray(R"({"deletesCookie": "old"})") << true;
    QTest::addRow("request cookie") << QByteArray(R"({"requestCookie": "theme"})") << true;
    QTest::addRow("request cookie missing") << QByteArray(R"({"requestCookie": "auth_token"})") << false;
    QTest::addRow("finding") << QByteArray(R"({"path": "/login", "finding": "CK011"})") << true;
    QTest::addRow("other finding") << QByteArray(R"({"finding": "CK120"})") << false;
}

void TestLessons::exchangeChecks()
{
    QFETCH(QByteArray, check);
    QFETCH(bool, expected);
    Lesson lesson;
    ImportIssue issue;
    QVERIFY2(LessonBook::parse(
                 minimalLesson("[{\"text\": \"t\", \"check\": {\"exchange\": " + check + "}}]"), QStringLiteral("t.json"), lesson, &issue),
        qPrintable(issue.toString()));
    Finding finding;
    finding.rule = Rule::CK011;
    const HttpExchangePtr e = exchange("POST", "/login?next=/", 200, {{"Cookie", "theme=dark"}},
        {{"Set-Cookie", "auth_token=abc; HttpOnly"}, {"Set-Cookie", "old=; Max-Age=0"}}, {finding});
    QCOMPARE(LessonProgress::matches(*lesson.steps.constFirst().check.exchange, *e), expected);
}

void TestLessons::jarAndSwitchChecksCombineAndStayPassed()
{
    Lesson lesson;
    ImportIssue issue;
    QVERIFY(LessonBook::parse(minimalLesson(R"([
      {"text": "switch on and the token is script-readable",
       "check": {"switch": {"id": "script-readable-token"}, "jar": {"name": "auth_token", "httpOnly": false}}},
      {"text": "the token is gone", "check": {"jar": {"name": "auth_token", "present": false}}}])"),
        QStringLiteral("t.json"), lesson, &issue));
    LessonProgress progress({lesson});
    CookieJar jar;
    VulnerabilitySwitches switches;
    progress.observeJar(jar);
    progress.observeSwitches(switches);
    QVERIFY(!progress.stepPassed(0, 0));
    QVERIFY(!progress.stepPassed(0, 1)); // "gone" holds, but steps pass in order
    jar.setCookie("auth_token=abc; Path=/", CookieRequestContext::forUrl(QUrl(QStringLiteral("http://127.0.0.1/"))));
    progress.observeJar(jar);
    QVERIFY(!progress.stepPassed(0, 0)); // the switch is still off
    switches.set(Vulnerability::ScriptReadableToken, true);
    progress.observeSwitches(switches);
    QVERIFY(progress.stepPassed(0, 0));
    QVERIFY(!progress.stepPassed(0, 1)); // the token is still there
    switches.reset();
    jar.clear();
    progress.observeSwitches(switches);
    progress.observeJar(jar);
    QVERIFY(progress.stepPassed(0, 0)); // once passed, a step stays passed
    QVERIFY(progress.stepPassed(0, 1));
    QCOMPARE(progress.currentStep(0), -1);
    QCOMPARE(progress.doneCount(0), 2);
}

void TestLessons::quizAndProgressRoundTrip()
{
    QList<ImportIssue> issues;
    LessonProgress progress(LessonBook::load({BuiltIn}, &issues));
    const int lesson = progress.indexOf("permanent-cookies");
    QVERIFY(lesson >= 0);
    QVERIFY(!progress.answerQuiz(lesson, 0, 0));
    QVERIFY(progress.answerQuiz(lesson, 0, 1)); // 400 days
    progress.observe({exchange("GET", "/remember-me", 200, {}, {}, {[] {
        Finding f;
        f.rule = Rule::CK060;
        return f;
    }()})});
    QVERIFY(progress.stepPassed(lesson, 0));
    QCOMPARE(progress.doneCount(lesson), 2);
    const QJsonObject saved = progress.toJson();
    LessonProgress restored(LessonBook::load({BuiltIn}, &issues));
    restored.fromJson(saved);
    QCOMPARE(restored.doneCount(lesson), 2);
    QCOMPARE(restored.answer(lesson, 0), 1);
    QCOMPARE(restored.toJson(), saved);
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
