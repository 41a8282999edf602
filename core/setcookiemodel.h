// SPDX-License-Identifier: MIT
#pragma once

#include "core/setcookie.h"

#include <QAbstractTableModel>

namespace CookieLab
{

/** The Set-Cookie lines of one response, one row per line, attribute by attribute. */
class SetCookieModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetCookieModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        NameColumn,
        ValueColumn,
        DomainColumn,
        PathColumn,
        ExpiresColumn,
        MaxAgeColumn,
        SizeColumn,
        SecureColumn,
        HttpOnlyColumn,
        SameSiteColumn,
        PartitionedColumn,
        DiagnosticsColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        HeaderRole, ///< the raw Set-Cookie line
    };

    explicit SetCookieModel(QObject *parent = nullptr);
    ~SetCookieModel() override;

    /** requestPath: for the default path of cookies without Path. */
    void setCookies(QList<SetCookie> cookies, const QByteArray &requestPath);
    const QList<SetCookie> &cookies() const { return m_cookies; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SetCookie> m_cookies;
    QByteArray m_requestPath;
};

} // namespace CookieLab
