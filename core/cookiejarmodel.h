// SPDX-License-Identifier: MIT
#pragma once

#include "core/storedcookie.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace CookieLab
{

class CookieJar;

/** The cookies a jar holds, like a browser's storage inspector. */
class CookieJarModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieJarModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        NameColumn,
        ValueColumn,
        DomainColumn,
        PathColumn,
        ExpiresColumn,
        SizeColumn,
        HttpOnlyColumn,
        SecureColumn,
        SameSiteColumn,
        HostOnlyColumn,
        PartitionColumn,
        CreatedColumn,
        LastAccessColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        ExpiredRole, ///< bool: expired by the jar's clock
    };

    explicit CookieJarModel(CookieJar *jar, QObject *parent = nullptr);
    ~CookieJarModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    StoredCookie cookie(int row) const;
    /** Re-announces the time-dependent column (Expires counts down with the jar's clock). */
    void refreshTimes();

    /** "in 59 minutes", "expired 2 hours ago", "session". */
    static QString relativeExpiry(const StoredCookie &cookie, qint64 nowMsecs);

private:
    void reload();

    QPointer<CookieJar> m_jar;
    QList<StoredCookie> m_cookies;
};

} // namespace CookieLab
