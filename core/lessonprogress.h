// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/lesson.h"

#include <QJsonObject>
#include <QObject>

namespace CookieLab
{

class CookieJar;
class VulnerabilitySwitches;

/**
 * Where each attendee stands in the lessons, checked live: new exchanges, the jar and the switches
 * are matched against the step each lesson is at. Steps pass in order, and a step that passed stays passed.
 */
class LessonProgress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonProgress)

public:
    explicit LessonProgress(QList<Lesson> lessons, QObject *parent = nullptr);
    ~LessonProgress() override;

    const QList<Lesson> &lessons() const { return m_lessons; }
    int indexOf(QByteArrayView id) const;
    bool stepPassed(int lesson, int step) const;
    /** The first step not passed yet (steps pass in order), or -1 when all have. */
    int currentStep(int lesson) const;
    /** The option the attendee chose, or -1. */
    int answer(int lesson, int question) const;
    /** Passed steps plus correctly answered questions. */
    int doneCount(int lesson) const;
    int totalCount(int lesson) const { return int(m_lessons.at(lesson).steps.size() + m_lessons.at(lesson).quiz.size()); }

    void observe(const QList<HttpExchangePtr> &exchanges);
    void observeJar(const CookieJar &jar);
    void observeSwitches(const VulnerabilitySwitches &switches);
    /** Records an answer; true when it is the right one. */
    bool answerQuiz(int lesson, int question, int option);
    void reset();

    /** {"lesson-id": {"steps": [true, …], "quiz": [2, -1, …]}} */
    QJsonObject toJson() const;
    void fromJson(const QJsonObject &object);

    static bool matches(const LessonCheck::Exchange &check, const HttpExchange &exchange);
    /** The same, with the exchange's path already worked out. */
    static bool matches(const LessonCheck::Exchange &check, const HttpExchange &exchange, const QByteArray &path);
    static bool matches(const LessonCheck::Jar &check, const CookieJar &jar);

Q_SIGNALS:
    void changed(int lesson);

private:
    struct StepState
    {
        bool passed = false;
        bool exchangeSeen = false;
        bool jarHolds = false;
        bool switchHolds = false;
    };
    struct LessonState
    {
        QList<StepState> steps;
        QList<int> answers;
    };

    void settle(int lesson);

    QList<Lesson> m_lessons;
    QList<LessonState> m_state;
};

} // namespace CookieLab
