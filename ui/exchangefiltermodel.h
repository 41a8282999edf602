// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace CookieLab
{

/**
 * Filters the exchange list by words (path, cookie name, rule ID, severity, client): every word
 * must occur. "severity>=medium" keeps rows whose highest finding reaches that severity.
 */
class ExchangeFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeFilterModel)

public:
    explicit ExchangeFilterModel(QObject *parent = nullptr);
    ~ExchangeFilterModel() override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
    int m_minimumSeverity = -1;
};

} // namespace CookieLab
