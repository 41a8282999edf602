// SPDX-License-Identifier: MIT
#pragma once

#include "core/finding.h"

#include <QAbstractTableModel>

namespace CookieLab
{

/** The findings of one exchange, highest severity first. */
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        SeverityColumn,
        RuleColumn,
        CookieColumn,
        TitleColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        SeverityRole, ///< int (Severity)
        ExplanationRole, ///< QString
        FixRole, ///< QString
        ReferencesRole, ///< QStringList
        SpanRole, ///< QPoint(offset, length) in the Set-Cookie line
        CookieIndexRole, ///< int: which Set-Cookie line
    };

    explicit FindingsModel(QObject *parent = nullptr);
    ~FindingsModel() override;

    void setFindings(QList<Finding> findings);
    const QList<Finding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Finding> m_findings;
};

} // namespace CookieLab
