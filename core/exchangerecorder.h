// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <vector>

namespace CookieLab
{

class ExchangeLog;

/**
 * Takes raw exchanges from the server thread and, on its own worker thread, runs the enrichment
 * step (analysis) and appends them to the log in batches
 * every few milliseconds, so capturing costs the server thread only a queue push.
 */
class ExchangeRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeRecorder)

public:
    using Enricher = std::function<void(HttpExchange &)>;
    static constexpr int BatchDelayMsecs = 10; ///< how long a batch gathers before it is logged
    static constexpr size_t PendingReserve = 4096;
    /** The most exchanges one log append carries: an imported HAR reaches listeners in slices. */
    static constexpr size_t MaxBatch = 2048;

    explicit ExchangeRecorder(ExchangeLog &log, QObject *parent = nullptr);
    ~ExchangeRecorder() override;

    /** Thread-safe; returns at once. */
    void submit(HttpExchange exchange);
    /** Runs on the worker thread for every exchange before it is logged (set before submitting). */
    void setEnricher(Enricher enricher);
    /** Blocks until everything submitted so far is in the log. */
    void flush();
    /** Logs what is pending, then runs task on the worker thread (where the enricher runs) and waits for it. */
    void runInWorker(const std::function<void()> &task);

private:
    void drain();

    ExchangeLog &m_log;
    QThread m_thread;
    QObject *m_worker = nullptr; ///< lives in m_thread; drain() runs there
    QMutex m_mutex;
    std::vector<HttpExchange> m_pending;
    Enricher m_enricher;
};

} // namespace CookieLab
