// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieanalyzer.h"
#include "core/cookiejar.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

namespace CookieLab
{

/**
 * Follows traffic exchange by exchange: keeps a simulated browser jar per client, runs the
 * single-response rules with that context, and adds the rules that need history — session
 * rotation, logout, deletion scope, shadowing, jar pressure, reuse across clients, predictable ids.
 * Not thread-safe: feed it from one thread, in order.
 */
class ExchangeAnalyzer final
{
public:
    /** The role and state-changing flag of a route, when the server knows its routes. */
    struct RouteInfo
    {
        AnalysisContext::Role role = AnalysisContext::Role::Unknown;
        QList<QByteArray> stateChangingGetPaths;
    };
    using RouteResolver = std::function<RouteInfo(QByteArrayView method, QByteArrayView path)>;

    static constexpr int MaxClients = 1000;
    static constexpr qsizetype MaxTrackedValues = 100000;

    ExchangeAnalyzer();
    ~ExchangeAnalyzer();

    void setRouteResolver(RouteResolver resolver) { m_routes = std::move(resolver); }
    /** Findings for the next exchange, in a deterministic order; also updates the client's jar. */
    QList<Finding> analyze(const HttpExchange &exchange);
    /** The simulated jar of a client (created empty when unknown). */
    CookieJar &jarFor(const QString &client);
    void reset();

private:
    struct IssuedValue
    {
        QString client;
        quint64 exchangeId = 0;
    };

    QHash<QString, std::shared_ptr<CookieJar>> m_jars;
    QSet<QByteArray> m_hstsHosts;
    QHash<QByteArray, IssuedValue> m_sessionValues; ///< value → first client it went to
    QHash<QByteArray, QList<QByteArray>> m_issuedByName; ///< session cookie name → recent values
    QHash<QByteArray, QSet<QByteArray>> m_sessionSchemes; ///< "host name" → schemes it was issued over
    struct Repeat
    {
        QByteArray key;
        QList<Finding> findings;
        qint64 at = 0; ///< when it was analysed: repeats are trusted for a second (expiry moves on)
    };
    /** Everything the rules read from one exchange; an identical follow-up gets identical findings. */
    static QByteArray repeatKey(const HttpExchange &exchange);
    QList<Finding> analyzeFresh(const HttpExchange &exchange);

    QHash<QString, Repeat> m_lastByClient;
    RouteResolver m_routes;
    qint64 m_clock = 0;
};

} // namespace CookieLab
