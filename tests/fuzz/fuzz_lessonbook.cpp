// SPDX-License-Identifier: MIT
// Instructors' lesson files. Properties: a refused file names FILE:LINE and a reason; an accepted one
// has an id, a title and steps that each check something.
#include "core/lessonbook.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lesson lesson;
    ImportIssue issue;
    if (!LessonBook::parse(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("fuzz.json"), lesson, &issue)) {
        if (!issue.where.startsWith(QLatin1String("fuzz.json:")) || issue.reason.isEmpty())
            std::abort();
        return 0;
    }
    if (lesson.id.isEmpty() || lesson.title.isEmpty() || lesson.steps.isEmpty())
        std::abort();
    for (const LessonStep &step : lesson.steps) {
        if (step.check.isEmpty() || (step.request && !step.request->path.startsWith('/')))
            std::abort();
    }
    return 0;
}
