// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"
#include "core/samesite.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CookieLab
{

/** What a lesson step waits for. Every part that is set must hold (parts left unset are not checked). */
struct LessonCheck
{
    struct Exchange
    {
        QByteArray method; ///< empty: any
        QByteArray path; ///< empty: any
        int status = 0; ///< 0: any
        QByteArray setCookie; ///< the response stores a cookie of this name
        QByteArray deletesCookie; ///< the response deletes a cookie of this name
        QByteArray requestCookie; ///< the request carried a cookie of this name
        QByteArray finding; ///< the analyzer raised this rule (CK…) on the exchange
    };
    struct Jar
    {
        QByteArray name;
        bool present = true;
        std::optional<bool> httpOnly;
        std::optional<bool> secure;
        std::optional<bool> persistent;
        std::optional<SameSite> sameSite;
    };
    struct Switch
    {
        QByteArray id;
        bool on = true;
    };

    std::optional<Exchange> exchange;
    std::optional<Jar> jar;
    std::optional<Switch> vulnerability;

    bool isEmpty() const { return !exchange && !jar && !vulnerability; }
};

/** A request a step asks for; the app can send it for the attendee. */
struct LessonRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray path; ///< relative to the workshop server, e.g. "/login"
    HeaderList headers;
    QByteArray body;
};

struct LessonStep
{
    QString text;
    std::optional<LessonRequest> request;
    QByteArray browserPath; ///< a page to open in a browser instead, e.g. "/lab/cookies.html"
    LessonCheck check;
};

struct QuizQuestion
{
    QString question;
    QStringList options;
    int answer = 0; ///< index into options
    QString why;
};

/** One lesson, read from a JSON data file (resources/lessons, or an instructor's --lessons folder). */
struct Lesson
{
    QByteArray id;
    QString title;
    QString section; ///< the part of the documentation it teaches
    QString explanation; ///< simple HTML
    QByteArray vulnerability; ///< the switch this lesson exploits, or empty
    QList<LessonStep> steps;
    QList<QuizQuestion> quiz;
    QString file;
};

} // namespace CookieLab
