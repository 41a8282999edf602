// SPDX-License-Identifier: MIT
#pragma once

#include "core/lessonprogress.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace CookieLab
{

/** The lessons with their live progress, one row each. */
class LessonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        TitleColumn,
        ProgressColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< QByteArray: the lesson id
        DoneRole, ///< int: passed steps plus right answers
        TotalRole, ///< int: steps plus questions
    };

    explicit LessonModel(LessonProgress *progress, QObject *parent = nullptr);
    ~LessonModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<LessonProgress> m_progress;
};

} // namespace CookieLab
