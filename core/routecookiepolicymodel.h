// SPDX-License-Identifier: MIT
#pragma once

#include "core/routecookiepolicy.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace CookieLab
{

/** The route cookie policy as an editable table; every edit is validated by the serializer's rules. */
class RouteCookiePolicyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteCookiePolicyModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        RouteColumn,
        CookieColumn,
        ValueColumn,
        MaxAgeColumn,
        PathColumn,
        DomainColumn,
        SecureColumn,
        HttpOnlyColumn,
        SameSiteColumn,
        PartitionedColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< QByteArray: the route cookie id
    };

    explicit RouteCookiePolicyModel(RouteCookiePolicy *policy, QObject *parent = nullptr);
    ~RouteCookiePolicyModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    /** An edit was refused; the message says what and why. */
    void editRejected(const QString &message);

private:
    void reload();

    QPointer<RouteCookiePolicy> m_policy;
    QList<RouteCookie> m_cookies;
};

} // namespace CookieLab
