// SPDX-License-Identifier: MIT
#include "core/exchangelog.h"

#include <algorithm>

namespace CookieLab
{

ExchangeLog::ExchangeLog(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{
    qRegisterMetaType<HttpExchangePtr>();
}

ExchangeLog::~ExchangeLog() = default;

quint64 ExchangeLog::append(HttpExchange exchange)
{
    HttpExchangePtr stored;
    bool dropped = false;
    {
        QMutexLocker locker(&m_mutex);
        exchange.id = m_nextId++;
        stored = std::make_shared<const HttpExchange>(std::move(exchange));
        if (qsizetype(m_entries.size()) >= m_capacity) {
            m_entries.pop_front();
            ++m_dropped;
            dropped = true;
        }
        m_entries.push_back(stored);
    }
    if (dropped)
        Q_EMIT exchangesDropped(1);
    Q_EMIT exchangeRecorded(stored);
    return stored->id;
}

QList<HttpExchangePtr> ExchangeLog::entries() const
{
    QMutexLocker locker(&m_mutex);
    return QList<HttpExchangePtr>(m_entries.begin(), m_entries.end());
}

HttpExchangePtr ExchangeLog::find(quint64 id) const
{
    QMutexLocker locker(&m_mutex);
    // Ids increase along the deque, so binary search works.
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), id,
                                     [](const HttpExchangePtr &e, quint64 wanted) { return e->id < wanted; });
    return it != m_entries.end() && (*it)->id == id ? *it : nullptr;
}

qsizetype ExchangeLog::size() const
{
    QMutexLocker locker(&m_mutex);
    return qsizetype(m_entries.size());
}

qsizetype ExchangeLog::capacity() const
{
    QMutexLocker locker(&m_mutex);
    return m_capacity;
}

void ExchangeLog::setCapacity(qsizetype capacity)
{
    qsizetype dropped = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_capacity = std::max<qsizetype>(1, capacity);
        while (qsizetype(m_entries.size()) > m_capacity) {
            m_entries.pop_front();
            ++dropped;
        }
        m_dropped += quint64(dropped);
    }
    if (dropped > 0)
        Q_EMIT exchangesDropped(dropped);
}

quint64 ExchangeLog::droppedCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_dropped;
}

void ExchangeLog::clear()
{
    {
        QMutexLocker locker(&m_mutex);
        m_entries.clear();
    }
    Q_EMIT cleared();
}

} // namespace CookieLab
