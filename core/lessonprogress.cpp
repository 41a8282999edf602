// SPDX-License-Identifier: MIT
#include "core/lessonprogress.h"

#include "core/cookiejar.h"
#include "core/requestcookies.h"
#include "core/vulnerabilityswitches.h"

#include <QJsonArray>

namespace CookieLab
{

LessonProgress::LessonProgress(QList<Lesson> lessons, QObject *parent)
    : QObject(parent)
    , m_lessons(std::move(lessons))
{
    reset();
}

LessonProgress::~LessonProgress() = default;

int LessonProgress::indexOf(QByteArrayView id) const
{
    for (int i = 0; i < m_lessons.size(); ++i) {
        if (m_lessons.at(i).id == id)
            return i;
    }
    return -1;
}

bool LessonProgress::stepPassed(int lesson, int step) const
{
    return m_state.at(lesson).steps.at(step).passed;
}

int LessonProgress::answer(int lesson, int question) const
{
    return m_state.at(lesson).answers.at(question);
}

int LessonProgress::doneCount(int lesson) const
{
    const Lesson &l = m_lessons.at(lesson);
    const LessonState &s = m_state.at(lesson);
    int done = int(std::count_if(s.steps.begin(), s.steps.end(), [](const StepState &step) { return step.passed; }));
    for (int q = 0; q < l.quiz.size(); ++q)
        done += s.answers.at(q) == l.quiz.at(q).answer ? 1 : 0;
    return done;
}

bool LessonProgress::matches(const LessonCheck::Exchange &check, const HttpExchange &e)
{
    return matches(check, e, e.path());
}

bool LessonProgress::matches(const LessonCheck::Exchange &check, const HttpExchange &e, const QByteArray &path)
{
    if (e.source == HttpExchange::Source::Event)
        return false;
    if ((!check.method.isEmpty() && e.method != check.method) || (!check.path.isEmpty() && path != check.path)
        || (check.status && e.status != check.status))
        return false;
    if (!check.requestCookie.isEmpty() && !RequestCookies::parse(e.requestCookieHeaders()).value(check.requestCookie))
        return false;
    if (!check.setCookie.isEmpty() || !check.deletesCookie.isEmpty()) {
        bool stored = check.setCookie.isEmpty();
        bool deleted = check.deletesCookie.isEmpty();
        for (const SetCookie &c : e.setCookies()) {
            stored = stored || (c.name == check.setCookie && !c.isDeletion() && !c.isIgnored());
            deleted = deleted || (c.name == check.deletesCookie && c.isDeletion());
        }
        if (!stored || !deleted)
            return false;
    }
    if (!check.finding.isEmpty())
        return std::any_of(e.findings.begin(), e.findings.end(), [&check](const Finding &f) { return f.ruleId() == check.finding; });
    return true;
}

bool LessonProgress::matches(const LessonCheck::Jar &check, const CookieJar &jar)
{
    bool found = false;
    jar.forEachCookie([&](const StoredCookie &c) {
        if (c.name != check.name || c.isExpired(jar.now()))
            return;
        found = found
            || ((!check.httpOnly || c.httpOnly == *check.httpOnly) && (!check.secure || c.secure == *check.secure)
                && (!check.persistent || c.persistent == *check.persistent) && (!check.sameSite || c.sameSite == *check.sameSite));
    });
    return check.present ? found : !found;
}

int LessonProgress::currentStep(int lesson) const
{
    const QList<StepState> &steps = m_state.at(lesson).steps;
    for (int s = 0; s < steps.size(); ++s) {
        if (!steps.at(s).passed)
            return s;
    }
    return -1;
}

void LessonProgress::observe(const QList<HttpExchangePtr> &exchanges)
{
    // Only the step each lesson is at can take an exchange; under load that is cheap.
    QList<int> waiting;
    for (int l = 0; l < m_lessons.size(); ++l) {
        const int s = currentStep(l);
        if (s >= 0 && m_lessons.at(l).steps.at(s).check.exchange && !m_state.at(l).steps.at(s).exchangeSeen)
            waiting.append(l);
    }
    if (waiting.isEmpty())
        return;
    for (const HttpExchangePtr &exchange : exchanges) {
        const QByteArray path = exchange->path();
        for (int l : std::as_const(waiting)) {
            const int s = currentStep(l);
            if (s < 0)
                continue;
            const auto &check = m_lessons.at(l).steps.at(s).check.exchange;
            StepState &state = m_state[l].steps[s];
            if (check && !state.exchangeSeen && matches(*check, *exchange, path)) {
                state.exchangeSeen = true;
                settle(l); // may move on to the next step, which a later exchange of this batch can then pass
            }
        }
    }
}

void LessonProgress::observeJar(const CookieJar &jar)
{
    for (int l = 0; l < m_lessons.size(); ++l) {
        for (int s = 0; s < m_lessons.at(l).steps.size(); ++s) {
            const auto &check = m_lessons.at(l).steps.at(s).check.jar;
            if (check && !m_state[l].steps[s].passed)
                m_state[l].steps[s].jarHolds = matches(*check, jar);
        }
        settle(l);
    }
}

void LessonProgress::observeSwitches(const VulnerabilitySwitches &switches)
{
    for (int l = 0; l < m_lessons.size(); ++l) {
        for (int s = 0; s < m_lessons.at(l).steps.size(); ++s) {
            const auto &check = m_lessons.at(l).steps.at(s).check.vulnerability;
            if (check && !m_state[l].steps[s].passed)
                m_state[l].steps[s].switchHolds = switches.isOn(*VulnerabilitySwitches::fromId(check->id)) == check->on;
        }
        settle(l);
    }
}

void LessonProgress::settle(int lesson)
{
    // Steps pass in order: each one's evidence counts once the steps before it are done.
    bool changedAny = false;
    for (int s = currentStep(lesson); s >= 0; s = currentStep(lesson)) {
        const LessonCheck &check = m_lessons.at(lesson).steps.at(s).check;
        StepState &state = m_state[lesson].steps[s];
        if ((check.exchange && !state.exchangeSeen) || (check.jar && !state.jarHolds) || (check.vulnerability && !state.switchHolds))
            break;
        state.passed = true;
        changedAny = true;
    }
    if (changedAny)
        Q_EMIT changed(lesson);
}

bool LessonProgress::answerQuiz(int lesson, int question, int option)
{
    m_state[lesson].answers[question] = option;
    Q_EMIT changed(lesson);
    return m_lessons.at(lesson).quiz.at(question).answer == option;
}

void LessonProgress::reset()
{
    m_state.clear();
    for (int l = 0; l < m_lessons.size(); ++l) {
        LessonState state;
        state.steps.resize(m_lessons.at(l).steps.size());
        state.answers = QList<int>(m_lessons.at(l).quiz.size(), -1);
        m_state.append(state);
        Q_EMIT changed(l);
    }
}

QJsonObject LessonProgress::toJson() const
{
    QJsonObject object;
    for (int l = 0; l < m_lessons.size(); ++l) {
        QJsonArray steps, answers;
        for (const StepState &s : m_state.at(l).steps)
            steps.append(s.passed);
        for (int a : m_state.at(l).answers)
            answers.append(a);
        object.insert(
            QString::fromUtf8(m_lessons.at(l).id), QJsonObject{{QStringLiteral("steps"), steps}, {QStringLiteral("quiz"), answers}});
    }
    return object;
}

void LessonProgress::fromJson(const QJsonObject &object)
{
    reset();
    for (int l = 0; l < m_lessons.size(); ++l) {
        const QJsonObject saved = object.value(QString::fromUtf8(m_lessons.at(l).id)).toObject();
        const QJsonArray steps = saved.value(QLatin1String("steps")).toArray();
        const QJsonArray answers = saved.value(QLatin1String("quiz")).toArray();
        for (int s = 0; s < m_state[l].steps.size() && s < steps.size(); ++s)
            m_state[l].steps[s].passed = steps.at(s).toBool();
        for (int q = 0; q < m_state[l].answers.size() && q < answers.size(); ++q) {
            const int a = answers.at(q).toInt(-1);
            m_state[l].answers[q] = a >= -1 && a < m_lessons.at(l).quiz.at(q).options.size() ? a : -1;
        }
        Q_EMIT changed(l);
    }
}

} // namespace CookieLab
