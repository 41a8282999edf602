// SPDX-License-Identifier: MIT
#include "core/exchangelistmodel.h"

#include "core/exchangelog.h"
#include "core/requestcookies.h"

#include <QDateTime>

#include <algorithm>

namespace CookieLab
{

ExchangeListModel::ExchangeListModel(ExchangeLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    // Subscribe first, then read the snapshot; batches already in the snapshot are skipped by id.
    connect(log, &ExchangeLog::exchangesRecorded, this, &ExchangeListModel::append);
    connect(log, &ExchangeLog::cleared, this, &ExchangeListModel::reset);
    append(log->entries());
}

ExchangeListModel::~ExchangeListModel() = default;

ExchangeListModel::Row ExchangeListModel::makeRow(const HttpExchangePtr &exchange)
{
    Row row;
    row.exchange = exchange;
    row.setCookies = int(exchange->setCookieCount());
    // Workshop attendees are told apart by the identifier cookie the lab pages give each browser.
    for (const QByteArray &header : exchange->requestCookieHeaders()) {
        if (header.contains("cookielab_attendee=")) {
            if (const auto id = RequestCookies::parse(header).value("cookielab_attendee"))
                row.attendee = QString::fromUtf8(*id);
        }
    }
    QString search = QString::fromUtf8(exchange->path()) + u' ' + exchange->clientAddress + u' ' + QString::fromLatin1(exchange->method)
        + u' ' + QString::number(exchange->status) + QStringLiteral(" client:") + exchange->clientAddress;
    if (!row.attendee.isEmpty())
        search += QStringLiteral(" attendee:") + row.attendee;
    if (exchange->source == HttpExchange::Source::Event)
        search += u' ' + exchange->note;
    for (const QByteArray &header : HttpExchange::values(exchange->responseHeaders, "set-cookie"))
        search += u' ' + QString::fromUtf8(header.left(header.indexOf('=')));
    for (const Finding &f : exchange->findings) {
        search += u' ' + QString::fromLatin1(f.ruleId()) + u' ' + QString::fromLatin1(severityName(f.severity));
        row.severity = std::max(row.severity, int(f.severity));
    }
    row.searchText = search.toLower();
    return row;
}

void ExchangeListModel::append(const QList<HttpExchangePtr> &batch)
{
    QList<Row> fresh;
    fresh.reserve(batch.size());
    for (const HttpExchangePtr &exchange : batch) {
        if (exchange->id > m_lastId)
            fresh.append(makeRow(exchange));
    }
    if (fresh.isEmpty())
        return;
    m_lastId = fresh.last().exchange->id;

    // Mirror the log's bound: drop the oldest rows before inserting (no ghost rows).
    const qsizetype capacity = m_log ? m_log->capacity() : ExchangeLog::DefaultCapacity;
    if (fresh.size() > capacity)
        fresh.remove(0, fresh.size() - capacity);
    const qsizetype excess = qsizetype(m_rows.size()) + fresh.size() - capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Row &row : fresh)
        m_rows.push_back(std::move(row));
    endInsertRows();
}

void ExchangeListModel::reset()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ExchangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExchangeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

HttpExchangePtr ExchangeListModel::exchange(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].exchange : nullptr;
}

int ExchangeListModel::rowOf(quint64 id) const
{
    const auto it
        = std::lower_bound(m_rows.begin(), m_rows.end(), id, [](const Row &r, quint64 wanted) { return r.exchange->id < wanted; });
    return it != m_rows.end() && it->exchange->id == id ? int(it - m_rows.begin()) : -1;
}

QVariant ExchangeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const HttpExchange &e = *row.exchange;
    switch (role) {
    case ExchangeIdRole: return QVariant::fromValue(e.id);
    case SeverityRole: return row.severity;
    case SearchTextRole: return row.searchText;
    case AttendeeRole: return row.attendee;
    case Qt::TextAlignmentRole:
        return index.column() == StatusColumn || index.column() == SetCookieColumn || index.column() == DurationColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::DisplayRole:
    case SortRole: break;
    default: return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case TimeColumn:
        return sort ? QVariant(e.startedAt)
                    : QVariant(QDateTime::fromMSecsSinceEpoch(e.startedAt).toString(QStringLiteral("HH:mm:ss.zzz")));
    case ClientColumn: return row.attendee.isEmpty() ? e.clientAddress : e.clientAddress + QStringLiteral(" · ") + row.attendee;
    case MethodColumn: return QString::fromLatin1(e.method);
    case PathColumn:
        return QString::fromUtf8(
            e.url.path(QUrl::FullyEncoded).toUtf8() + (e.url.hasQuery() ? "?" + e.url.query(QUrl::FullyEncoded).toUtf8() : QByteArray()));
    case StatusColumn: return e.status;
    case SetCookieColumn: return row.setCookies;
    case SeverityColumn:
        if (sort)
            return row.severity;
        return row.severity < 0 ? QString() : QString::fromLatin1(severityName(Severity(row.severity)));
    case DurationColumn:
        return sort ? QVariant(e.durationUsecs) : QVariant(QStringLiteral("%1 ms").arg(double(e.durationUsecs) / 1000.0, 0, 'f', 1));
    default: return {};
    }
}

QVariant ExchangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ClientColumn: return tr("Client");
    case MethodColumn: return tr("Method");
    case PathColumn: return tr("Path");
    case StatusColumn: return tr("Status");
    case SetCookieColumn: return tr("Set-Cookie");
    case SeverityColumn: return tr("Severity");
    case DurationColumn: return tr("Duration");
    default: return {};
    }
}

} // namespace CookieLab
