// SPDX-License-Identifier: MIT
#include "core/cookieinclusionmodel.h"

namespace CookieLab
{

CookieInclusionModel::CookieInclusionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

CookieInclusionModel::~CookieInclusionModel() = default;

void CookieInclusionModel::setInclusions(QList<CookieInclusion> inclusions)
{
    beginResetModel();
    m_inclusions = std::move(inclusions);
    endResetModel();
}

int CookieInclusionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_inclusions.size());
}

int CookieInclusionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CookieInclusionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_inclusions.size())
        return {};
    const CookieInclusion &inclusion = m_inclusions.at(index.row());
    if (role == IncludedRole)
        return inclusion.isIncluded();
    if (role == Qt::ToolTipRole)
        return inclusion.explanation();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DecisionColumn: return inclusion.isIncluded() ? tr("sent") : tr("not sent");
    case CookieColumn: return QString::fromUtf8(inclusion.cookie.pair());
    case CheckColumn: return QString::fromLatin1(inclusion.check());
    case ExplanationColumn: return inclusion.explanation();
    default: return {};
    }
}

QVariant CookieInclusionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DecisionColumn: return tr("Decision");
    case CookieColumn: return tr("Cookie");
    case CheckColumn: return tr("Check");
    case ExplanationColumn: return tr("Why");
    default: return {};
    }
}

} // namespace CookieLab
