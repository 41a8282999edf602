// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieinclusion.h"

#include <QAbstractTableModel>

namespace CookieLab
{

/** "Why sent / why not": every stored cookie with the check that decided it for one request. */
class CookieInclusionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieInclusionModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        DecisionColumn,
        CookieColumn,
        CheckColumn,
        ExplanationColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        IncludedRole = Qt::UserRole + 1, ///< bool
    };

    explicit CookieInclusionModel(QObject *parent = nullptr);
    ~CookieInclusionModel() override;

    void setInclusions(QList<CookieInclusion> inclusions);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CookieInclusion> m_inclusions;
};

} // namespace CookieLab
