// SPDX-License-Identifier: MIT
#pragma once

#include "core/httpexchange.h"

#include <QWidget>

class QTabWidget;
class QTableView;
class QTextBrowser;

namespace CookieLab
{

class FindingsModel;
class SetCookieModel;

/** One exchange in four tabs: request, response (Set-Cookie highlighted attribute by attribute), cookies, findings. */
class ExchangeDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeDetailPane)

public:
    enum Tab
    {
        RequestTab,
        ResponseTab,
        CookiesTab,
        FindingsTab,
    };

    explicit ExchangeDetailPane(QWidget *parent = nullptr);
    ~ExchangeDetailPane() override;

    void setExchange(const HttpExchangePtr &exchange);
    HttpExchangePtr exchange() const { return m_exchange; }
    void showTab(Tab tab);
    FindingsModel *findingsModel() const { return m_findings; }
    SetCookieModel *setCookieModel() const { return m_cookies; }
    QTableView *findingsView() const { return m_findingsView; }

    /** The Set-Cookie line as HTML, each attribute coloured by kind using the parser's byte spans. */
    static QString highlightedSetCookie(const SetCookie &cookie);

private:
    void showFinding(const QModelIndex &index);

    HttpExchangePtr m_exchange;
    QTabWidget *m_tabs;
    QTextBrowser *m_request;
    QTextBrowser *m_response;
    SetCookieModel *m_cookies;
    QTableView *m_cookiesView;
    FindingsModel *m_findings;
    QTableView *m_findingsView;
    QTextBrowser *m_findingDetail;
};

} // namespace CookieLab
