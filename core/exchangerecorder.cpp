// SPDX-License-Identifier: MIT
#include "core/exchangerecorder.h"

#include "core/exchangelog.h"

#include <QTimer>

namespace CookieLab
{

ExchangeRecorder::ExchangeRecorder(ExchangeLog &log, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_worker(new QObject)
{
    m_pending.reserve(PendingReserve);
    m_thread.setObjectName(QStringLiteral("ExchangeRecorder"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ExchangeRecorder::~ExchangeRecorder()
{
    flush();
    m_thread.quit();
    m_thread.wait();
}

void ExchangeRecorder::setEnricher(Enricher enricher)
{
    QMutexLocker locker(&m_mutex);
    m_enricher = std::move(enricher);
}

void ExchangeRecorder::submit(HttpExchange exchange)
{
    bool wake = false;
    {
        QMutexLocker locker(&m_mutex);
        wake = m_pending.empty();
        m_pending.push_back(std::move(exchange));
    }
    if (wake) {
        QMetaObject::invokeMethod(
            m_worker, [this] { QTimer::singleShot(BatchDelayMsecs, m_worker, [this] { drain(); }); }, Qt::QueuedConnection);
    }
}

void ExchangeRecorder::drain()
{
    std::vector<HttpExchange> pending;
    pending.reserve(PendingReserve); // handed to the server thread by the swap: it must not regrow there
    Enricher enricher;
    {
        QMutexLocker locker(&m_mutex);
        pending.swap(m_pending);
        enricher = m_enricher;
    }
    const auto log = [this, &enricher](std::vector<HttpExchange> batch) {
        if (enricher) {
            for (HttpExchange &exchange : batch)
                enricher(exchange);
        }
        m_log.append(std::move(batch));
    };
    if (pending.size() <= MaxBatch)
        return log(std::move(pending));
    // A hundred thousand imported exchanges at once would make every listener (the window's list
    // among them) take them in one go: they go in slices, each analysed just before it is logged.
    for (size_t first = 0; first < pending.size(); first += MaxBatch) {
        const auto begin = pending.begin() + qsizetype(first);
        const auto end = pending.begin() + qsizetype(std::min(pending.size(), first + MaxBatch));
        log(std::vector<HttpExchange>(std::make_move_iterator(begin), std::make_move_iterator(end)));
    }
}

void ExchangeRecorder::flush()
{
    if (QThread::currentThread() == &m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { drain(); }, Qt::BlockingQueuedConnection);
}

void ExchangeRecorder::runInWorker(const std::function<void()> &task)
{
    if (QThread::currentThread() == &m_thread) {
        task();
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, &task] {
            drain();
            task();
        },
        Qt::BlockingQueuedConnection);
}

} // namespace CookieLab
