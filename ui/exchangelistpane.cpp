// SPDX-License-Identifier: MIT
#include "ui/exchangelistpane.h"

#include "core/exchangelistmodel.h"
#include "ui/exchangefiltermodel.h"
#include "ui/severityiconproxy.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace CookieLab
{

ExchangeListPane::ExchangeListPane(ExchangeListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new ExchangeFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    auto *icons = new SeverityIconProxy(ExchangeListModel::SeverityColumn, ExchangeListModel::SeverityRole, this);
    icons->setSourceModel(model);
    m_proxy->setSourceModel(icons);

    m_filter->setPlaceholderText(tr("Filter: path, cookie name, rule ID (CK011), severity>=medium…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Exchange filter"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const quint64 current = m_currentId;
        m_proxy->setFilterText(text);
        if (current)
            selectExchange(current); // the filter resets the view; keep the exchange in focus when it still matches
    });

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Exchanges"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Rows arrive in time order already; sorting starts only when a header is clicked, so filter
    // changes over 100,000 rows need no re-sort.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_proxy->sort(-1);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ExchangeListModel::PathColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ExchangeListPane::onCurrentChanged);

    // New rows arrive live: keep following the tail only while the user is at the bottom.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_followTail = value == m_view->verticalScrollBar()->maximum(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

ExchangeListPane::~ExchangeListPane() = default;

void ExchangeListPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        m_currentId = current.data(ExchangeListModel::ExchangeIdRole).toULongLong();
        Q_EMIT exchangeSelected(m_currentId);
    }
}

void ExchangeListPane::selectExchange(quint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex source = m_model->index(row, 0);
    const QModelIndex icons = static_cast<QAbstractProxyModel *>(m_proxy->sourceModel())->mapFromSource(source);
    const QModelIndex index = m_proxy->mapFromSource(icons);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

QByteArray ExchangeListPane::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void ExchangeListPane::restoreState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}

} // namespace CookieLab
