// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;

namespace CookieLab
{

class ExchangeFilterModel;
class ExchangeListModel;

/** Every recorded exchange with a filter box; reports the selected exchange by id. */
class ExchangeListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeListPane)

public:
    explicit ExchangeListPane(ExchangeListModel *model, QWidget *parent = nullptr);
    ~ExchangeListPane() override;

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    ExchangeFilterModel *filterModel() const { return m_proxy; }
    void selectExchange(quint64 id);
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void exchangeSelected(quint64 id);

private:
    void onCurrentChanged();

    ExchangeListModel *m_model;
    ExchangeFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    bool m_followTail = true;
    quint64 m_currentId = 0;
};

} // namespace CookieLab
