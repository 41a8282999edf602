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
    qRegisterMetaType<QList<HttpExchangePtr>>();
}

ExchangeLog::~ExchangeLog() = default;

quint64 ExchangeLog::append(HttpExchange exchange)
{
    std::vector<HttpExchange> one;
    one.push_back(std::move(exchange));
    append(std::move(one));
    QMutexLocker locker(&m_mutex);
    return m_nextId - 1;
}

void ExchangeLog::append(std::vector<HttpExchange> exchanges)
{
    if (exchanges.empty())
        return;
    QList<HttpExchangePtr> stored;
    stored.reserve(qsizetype(exchanges.size()));
    qsizetype dropped = 0;
    {
        QMutexLocker locker(&m_mutex);
        for (HttpExchange &exchange : exchanges) {
            exchange.id = m_nextId++;
            stored.append(std::make_shared<const HttpExchange>(std::move(exchange)));
            if (qsizetype(m_entries.size()) >= m_capacity) {
                m_entries.pop_front();
                ++dropped;
            }
            m_entries.push_back(stored.last());
        }
        m_dropped += quint64(dropped);
    }
    if (dropped > 0)
        Q_EMIT exchangesDropped(dropped);
    Q_EMIT exchangesRecorded(stored);
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
    const auto it
        = std::lower_bound(m_entries.begin(), m_entries.end(), id, [](const HttpExchangePtr &e, quint64 wanted) { return e->id < wanted; });
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
