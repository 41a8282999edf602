// SPDX-License-Identifier: MIT
#pragma once

#include "core/importresult.h"
#include "core/lesson.h"

namespace CookieLab
{

/** Reads lesson files. A malformed file is reported with its file and line and skipped; the others load. */
class LessonBook final
{
public:
    LessonBook() = delete;

    /** Every *.json lesson of each folder, folders in order, files by name; a later lesson with a taken id is reported and skipped. */
    static QList<Lesson> load(const QStringList &folders, QList<ImportIssue> *issues);
    /** One lesson file's text; on failure returns false and sets issue.where to "FILE:LINE". */
    static bool parse(const QByteArray &json, const QString &file, Lesson &lesson, ImportIssue *issue);
    /** The lessons shipped with CookieLab (resources/lessons). */
    static QString builtInFolder() { return QStringLiteral(":/resources/lessons"); }
};

} // namespace CookieLab
