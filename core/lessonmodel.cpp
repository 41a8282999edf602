// SPDX-License-Identifier: MIT
#include "core/lessonmodel.h"

namespace CookieLab
{

LessonModel::LessonModel(LessonProgress *progress, QObject *parent)
    : QAbstractTableModel(parent)
    , m_progress(progress)
{
    connect(progress, &LessonProgress::changed, this,
        [this](int lesson) { Q_EMIT dataChanged(index(lesson, 0), index(lesson, ColumnCount - 1)); });
}

LessonModel::~LessonModel() = default;

int LessonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_progress ? 0 : int(m_progress->lessons().size());
}

int LessonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LessonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_progress)
        return {};
    const Lesson &lesson = m_progress->lessons().at(index.row());
    const int done = m_progress->doneCount(index.row());
    const int total = m_progress->totalCount(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TitleColumn)
            return lesson.title;
        return QStringLiteral("%1/%2").arg(done).arg(total);
    case Qt::ToolTipRole: return lesson.section.isEmpty() ? lesson.title : tr("%1 — teaches: %2").arg(lesson.title, lesson.section);
    case Qt::AccessibleTextRole: return tr("%1, %2 of %3 done").arg(lesson.title).arg(done).arg(total);
    case IdRole: return lesson.id;
    case DoneRole: return done;
    case TotalRole: return total;
    default: return {};
    }
}

QVariant LessonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TitleColumn ? tr("Lesson") : tr("Done");
}

} // namespace CookieLab
