// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <deque>

namespace CookieLab
{

class ExchangeLog;

/** Every recorded exchange, one row each, appended in batches as the log records them. */
class ExchangeListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeListModel)

public:
    /** Columns, left to right. */
    enum Column
    {
        TimeColumn,
        ClientColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        SetCookieColumn,
        SeverityColumn,
        DurationColumn,
        ColumnCount,
    };
    /** Data roles beyond Qt's. */
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< raw value for sorting (time, number, severity rank)
        ExchangeIdRole, ///< quint64
        AttendeeRole, ///< QString: the browser's cookielab_attendee id, or empty
        SeverityRole, ///< highest finding severity as int, -1 for none
        SearchTextRole, ///< lower-case text the filter matches: path, cookie names, rule IDs, severities, client
    };

    explicit ExchangeListModel(ExchangeLog *log, QObject *parent = nullptr);
    ~ExchangeListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    HttpExchangePtr exchange(int row) const;
    /** The row of an exchange id, or -1. */
    int rowOf(quint64 id) const;

private:
    struct Row
    {
        HttpExchangePtr exchange;
        QString searchText;
        QString attendee; ///< from the request's cookielab_attendee cookie
        int severity = -1;
        int setCookies = 0;
    };

    void append(const QList<HttpExchangePtr> &batch);
    void reset();
    static Row makeRow(const HttpExchangePtr &exchange);

    QPointer<ExchangeLog> m_log;
    std::deque<Row> m_rows;
    quint64 m_lastId = 0;
};

} // namespace CookieLab
