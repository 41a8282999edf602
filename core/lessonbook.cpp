// SPDX-License-Identifier: MIT
#include "core/lessonbook.h"

#include "core/httpsyntax.h"
#include "core/rulecatalog.h"
#include "core/vulnerabilityswitches.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CookieLab
{

namespace
{

/** A problem in a lesson: the JSON path, and text whose first appearance in the file gives the line. */
struct Problem
{
    QString path;
    QString reason;
    QByteArray near;
};

class LessonReader
{
public:
    std::optional<Problem> problem;

    QString text(const QJsonObject &o, const char *key, const QString &path, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if ((v.isUndefined() && !required) || problem)
            return {};
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("expected a non-empty string"), key);
        return v.toString();
    }

    std::optional<bool> flag(const QJsonObject &o, const char *key, const QString &path)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || problem)
            return std::nullopt;
        if (!v.isBool()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("expected true or false"), key);
            return std::nullopt;
        }
        return v.toBool();
    }

    void fail(const QString &path, const QString &reason, const QByteArray &near)
    {
        if (!problem)
            problem = Problem{path, reason, '"' + near + '"'};
    }

    LessonCheck check(const QJsonObject &o, const QString &path)
    {
        static const QStringList known{QStringLiteral("exchange"), QStringLiteral("jar"), QStringLiteral("switch")};
        LessonCheck c;
        for (const QString &key : o.keys()) {
            if (!known.contains(key))
                fail(path + QLatin1Char('.') + key, QStringLiteral("unknown check \"%1\" (use exchange, jar or switch)").arg(key),
                    key.toUtf8());
        }
        if (o.contains(QLatin1String("exchange"))) {
            const QJsonObject e = o.value(QLatin1String("exchange")).toObject();
            const QString at = path + QStringLiteral(".exchange");
            LessonCheck::Exchange x;
            x.method = text(e, "method", at, false).toLatin1();
            x.path = text(e, "path", at, false).toUtf8();
            x.status = e.value(QLatin1String("status")).toInt();
            x.setCookie = text(e, "setCookie", at, false).toUtf8();
            x.deletesCookie = text(e, "deletesCookie", at, false).toUtf8();
            x.requestCookie = text(e, "requestCookie", at, false).toUtf8();
            x.finding = text(e, "finding", at, false).toLatin1();
            if (!x.finding.isEmpty() && !RuleCatalog::fromId(x.finding))
                fail(at + QStringLiteral(".finding"),
                    QStringLiteral("\"%1\" is not a rule of the catalogue").arg(QString::fromLatin1(x.finding)), x.finding);
            c.exchange = x;
        }
        if (o.contains(QLatin1String("jar"))) {
            const QJsonObject j = o.value(QLatin1String("jar")).toObject();
            const QString at = path + QStringLiteral(".jar");
            LessonCheck::Jar x;
            x.name = text(j, "name", at).toUtf8();
            x.present = flag(j, "present", at).value_or(true);
            x.httpOnly = flag(j, "httpOnly", at);
            x.secure = flag(j, "secure", at);
            x.persistent = flag(j, "persistent", at);
            if (j.contains(QLatin1String("sameSite"))) {
                const QByteArray value = text(j, "sameSite", at).toLatin1();
                for (SameSite s : {SameSite::Lax, SameSite::Strict, SameSite::None, SameSite::Unspecified}) {
                    if (value.compare(s == SameSite::Unspecified ? QByteArrayLiteral("unset") : sameSiteName(s), Qt::CaseInsensitive) == 0)
                        x.sameSite = s;
                }
                if (!x.sameSite)
                    fail(at + QStringLiteral(".sameSite"), QStringLiteral("expected Strict, Lax, None or unset"), value);
            }
            c.jar = x;
        }
        if (o.contains(QLatin1String("switch"))) {
            const QJsonObject s = o.value(QLatin1String("switch")).toObject();
            const QString at = path + QStringLiteral(".switch");
            LessonCheck::Switch x;
            x.id = text(s, "id", at).toLatin1();
            x.on = flag(s, "on", at).value_or(true);
            if (!x.id.isEmpty() && !VulnerabilitySwitches::fromId(x.id))
                fail(at + QStringLiteral(".id"), QStringLiteral("no vulnerability switch is called \"%1\"").arg(QString::fromLatin1(x.id)),
                    x.id);
            c.vulnerability = x;
        }
        return c;
    }

    std::optional<LessonRequest> request(const QJsonObject &o, const QString &path)
    {
        LessonRequest r;
        r.method = text(o, "method", path, false).toLatin1();
        if (r.method.isEmpty())
            r.method = "GET";
        r.path = text(o, "path", path).toUtf8();
        if (!problem && !r.path.startsWith('/'))
            fail(path + QStringLiteral(".path"), QStringLiteral("must start with '/'"), r.path);
        if (!problem && !HttpSyntax::isToken(r.method))
            fail(path + QStringLiteral(".method"), QStringLiteral("not an HTTP method"), r.method);
        const QJsonObject headers = o.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QByteArray name = it.key().toLatin1();
            const QByteArray value = it.value().toString().toUtf8();
            if (!HttpSyntax::isToken(name) || HttpSyntax::hasLineBreakOrNul(value))
                fail(path + QStringLiteral(".headers.") + it.key(), QStringLiteral("not a valid header"), name);
            r.headers.append(qMakePair(name, value));
        }
        const QJsonValue body = o.value(QLatin1String("body"));
        r.body = body.isString() ? body.toString().toUtf8()
            : body.isObject()    ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                 : QByteArray();
        return r;
    }
};

int lineAt(const QByteArray &text, qsizetype offset)
{
    return int(text.left(qBound(qsizetype(0), offset, text.size())).count('\n')) + 1;
}

} // namespace

bool LessonBook::parse(const QByteArray &json, const QString &file, Lesson &lesson, ImportIssue *issue)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const int line = lineAt(json, parseError.offset);
        *issue = {QStringLiteral("%1:%2").arg(file).arg(line),
            parseError.error != QJsonParseError::NoError ? QStringLiteral("not valid JSON: %1").arg(parseError.errorString())
                                                         : QStringLiteral("a lesson is a JSON object")};
        return false;
    }
    const QJsonObject o = document.object();
    LessonReader reader;
    Lesson result;
    result.file = file;
    result.id = reader.text(o, "id", QStringLiteral("$")).toUtf8();
    result.title = reader.text(o, "title", QStringLiteral("$"));
    result.section = reader.text(o, "section", QStringLiteral("$"), false);
    result.explanation = reader.text(o, "explanation", QStringLiteral("$"));
    result.vulnerability = reader.text(o, "switch", QStringLiteral("$"), false).toLatin1();
    if (!result.vulnerability.isEmpty() && !VulnerabilitySwitches::fromId(result.vulnerability))
        reader.fail(QStringLiteral("$.switch"),
            QStringLiteral("no vulnerability switch is called \"%1\"").arg(QString::fromLatin1(result.vulnerability)),
            result.vulnerability);
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    if (steps.isEmpty())
        reader.fail(QStringLiteral("$.steps"), QStringLiteral("a lesson needs at least one step"), "steps");
    for (qsizetype i = 0; i < steps.size() && !reader.problem; ++i) {
        const QString at = QStringLiteral("$.steps[%1]").arg(i);
        const QJsonObject s = steps.at(i).toObject();
        LessonStep step;
        step.text = reader.text(s, "text", at);
        if (s.contains(QLatin1String("request")))
            step.request = reader.request(s.value(QLatin1String("request")).toObject(), at + QStringLiteral(".request"));
        step.browserPath = reader.text(s, "browser", at, false).toUtf8();
        step.check = reader.check(s.value(QLatin1String("check")).toObject(), at + QStringLiteral(".check"));
        if (!reader.problem && step.check.isEmpty())
            reader.fail(at + QStringLiteral(".check"), QStringLiteral("every step needs a check (exchange, jar or switch)"),
                step.text.toUtf8().left(30));
        result.steps.append(std::move(step));
    }
    const QJsonArray quiz = o.value(QLatin1String("quiz")).toArray();
    for (qsizetype i = 0; i < quiz.size() && !reader.problem; ++i) {
        const QString at = QStringLiteral("$.quiz[%1]").arg(i);
        const QJsonObject q = quiz.at(i).toObject();
        QuizQuestion question;
        question.question = reader.text(q, "question", at);
        for (const QJsonValue option : q.value(QLatin1String("options")).toArray())
            question.options.append(option.toString());
        question.answer = q.value(QLatin1String("answer")).toInt(-1);
        question.why = reader.text(q, "why", at);
        if (!reader.problem && (question.options.size() < 2 || question.answer < 0 || question.answer >= question.options.size()))
            reader.fail(at, QStringLiteral("needs at least two options and an answer that is the index of one"),
                question.question.toUtf8().left(30));
        result.quiz.append(std::move(question));
    }
    if (reader.problem) {
        const qsizetype at = reader.problem->near.isEmpty() ? -1 : json.indexOf(reader.problem->near);
        *issue = {QStringLiteral("%1:%2").arg(file).arg(at < 0 ? 1 : lineAt(json, at)),
            reader.problem->path + QStringLiteral(": ") + reader.problem->reason};
        return false;
    }
    lesson = std::move(result);
    return true;
}

QList<Lesson> LessonBook::load(const QStringList &folders, QList<ImportIssue> *issues)
{
    QList<Lesson> lessons;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists()) {
            issues->append({folder, QStringLiteral("no such folder")});
            continue;
        }
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString path = dir.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                issues->append({path, file.errorString()});
                continue;
            }
            Lesson lesson;
            ImportIssue issue;
            if (!parse(file.readAll(), path, lesson, &issue)) {
                issues->append(issue);
                continue;
            }
            const bool taken = std::any_of(lessons.begin(), lessons.end(), [&lesson](const Lesson &l) { return l.id == lesson.id; });
            if (taken) {
                issues->append(
                    {path, QStringLiteral("another lesson already has the id \"%1\"; skipped").arg(QString::fromUtf8(lesson.id))});
                continue;
            }
            lessons.append(std::move(lesson));
        }
    }
    return lessons;
}

} // namespace CookieLab
