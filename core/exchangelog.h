// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QMutex>
#include <QObject>

#include <deque>
#include <optional>
#include <vector>

namespace CookieLab
{

/**
 * The bounded record of every exchange. Safe to append from any thread; listeners get
 * exchangesRecorded per batch (queued across threads) carrying the immutable exchanges.
 */
class ExchangeLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeLog)

public:
    static constexpr qsizetype DefaultCapacity = 100000;

    explicit ExchangeLog(qsizetype capacity = DefaultCapacity, QObject *parent = nullptr);
    ~ExchangeLog() override;

    /** Assigns the next id, stores the exchange (dropping the oldest when full) and returns the id. */
    quint64 append(HttpExchange exchange);
    /** The same for many exchanges, announced with one exchangesRecorded. */
    void append(std::vector<HttpExchange> exchanges);
    /** A snapshot, oldest first. */
    QList<HttpExchangePtr> entries() const;
    HttpExchangePtr find(quint64 id) const;
    qsizetype size() const;
    qsizetype capacity() const;
    void setCapacity(qsizetype capacity);
    /** How many exchanges were dropped because the log was full. */
    quint64 droppedCount() const;
    void clear();

Q_SIGNALS:
    /** New exchanges, oldest first (one signal per batch). */
    void exchangesRecorded(const QList<CookieLab::HttpExchangePtr> &exchanges);
    /** The oldest count exchanges were dropped (capacity reached or lowered). */
    void exchangesDropped(qsizetype count);
    void cleared();

private:
    mutable QMutex m_mutex;
    std::deque<HttpExchangePtr> m_entries;
    qsizetype m_capacity;
    quint64 m_nextId = 1;
    quint64 m_dropped = 0;
};

} // namespace CookieLab

Q_DECLARE_METATYPE(CookieLab::HttpExchangePtr)
Q_DECLARE_METATYPE(QList<CookieLab::HttpExchangePtr>)
