// SPDX-License-Identifier: MIT
#include "core/findingsmodel.h"

#include <QPoint>

namespace CookieLab
{

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setFindings(QList<Finding> findings)
{
    sortFindings(findings);
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case SeverityRole: return int(f.severity);
    case ExplanationRole: return f.explanation();
    case FixRole: return f.fix();
    case ReferencesRole: return f.references();
    case SpanRole: return QPoint(int(f.span.offset), int(f.span.length));
    case CookieIndexRole: return f.cookieIndex;
    case Qt::ToolTipRole: return f.explanation();
    case SortRole:
        if (index.column() == SeverityColumn)
            return int(f.severity);
        Q_FALLTHROUGH();
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return QString::fromLatin1(severityName(f.severity));
        case RuleColumn: return QString::fromLatin1(f.ruleId());
        case CookieColumn: return QString::fromUtf8(f.cookieName());
        case TitleColumn: return f.title();
        default: return {};
        }
    default: return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case RuleColumn: return tr("Rule");
    case CookieColumn: return tr("Cookie");
    case TitleColumn: return tr("Finding");
    default: return {};
    }
}

} // namespace CookieLab
