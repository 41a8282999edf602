// SPDX-License-Identifier: MIT
#include "core/routecookiepolicymodel.h"

namespace CookieLab
{

RouteCookiePolicyModel::RouteCookiePolicyModel(RouteCookiePolicy *policy, QObject *parent)
    : QAbstractTableModel(parent)
    , m_policy(policy)
{
    connect(policy, &RouteCookiePolicy::changed, this, &RouteCookiePolicyModel::reload);
    m_cookies = policy->cookies();
}

RouteCookiePolicyModel::~RouteCookiePolicyModel() = default;

void RouteCookiePolicyModel::reload()
{
    const QList<RouteCookie> fresh = m_policy ? m_policy->cookies() : QList<RouteCookie>();
    if (fresh.size() != m_cookies.size()) {
        beginResetModel();
        m_cookies = fresh;
        endResetModel();
        return;
    }
    for (int row = 0; row < fresh.size(); ++row) {
        if (!(fresh.at(row) == m_cookies.at(row))) {
            m_cookies[row] = fresh.at(row);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::DisplayRole, Qt::EditRole, Qt::CheckStateRole});
        }
    }
}

int RouteCookiePolicyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int RouteCookiePolicyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags RouteCookiePolicyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const RouteCookie &c = m_cookies.at(index.row());
    switch (index.column()) {
    case SecureColumn:
    case HttpOnlyColumn:
    case PartitionedColumn: return flags | Qt::ItemIsUserCheckable;
    case ValueColumn: return c.kind == RouteCookie::Kind::Fixed ? flags | Qt::ItemIsEditable : flags;
    case MaxAgeColumn: return c.kind == RouteCookie::Kind::Deletion ? flags : flags | Qt::ItemIsEditable;
    case PathColumn:
    case DomainColumn:
    case SameSiteColumn: return flags | Qt::ItemIsEditable;
    default: return flags;
    }
}

QVariant RouteCookiePolicyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cookies.size())
        return {};
    const RouteCookie &c = m_cookies.at(index.row());
    const CookieOptions &o = c.options;
    if (role == IdRole)
        return c.id;
    if (role == Qt::ToolTipRole)
        return c.description;
    if (role == Qt::CheckStateRole) {
        switch (index.column()) {
        case SecureColumn: return o.secure ? Qt::Checked : Qt::Unchecked;
        case HttpOnlyColumn: return o.httpOnly ? Qt::Checked : Qt::Unchecked;
        case PartitionedColumn: return o.partitioned ? Qt::Checked : Qt::Unchecked;
        default: return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case RouteColumn: return QString::fromLatin1(c.route);
    case CookieColumn: return QString(QString::fromUtf8(o.key) + (c.kind == RouteCookie::Kind::Deletion ? tr(" (deletion)") : QString()));
    case ValueColumn: return c.kind == RouteCookie::Kind::SessionToken ? tr("(fresh token)") : QString::fromUtf8(o.value);
    case MaxAgeColumn: return o.maxAge ? QString::number(*o.maxAge) : QString();
    case PathColumn: return QString::fromUtf8(o.path);
    case DomainColumn: return QString::fromUtf8(o.domain);
    case SameSiteColumn: return QString::fromUtf8(o.sameSite);
    default: return {};
    }
}

bool RouteCookiePolicyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !m_policy || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    RouteCookie c = m_cookies.at(index.row());
    CookieOptions &o = c.options;
    const QByteArray text = value.toString().toUtf8();
    const bool checked = value.toInt() == Qt::Checked;
    switch (index.column()) {
    case SecureColumn:
        if (role != Qt::CheckStateRole)
            return false;
        o.secure = checked;
        break;
    case HttpOnlyColumn:
        if (role != Qt::CheckStateRole)
            return false;
        o.httpOnly = checked;
        break;
    case PartitionedColumn:
        if (role != Qt::CheckStateRole)
            return false;
        o.partitioned = checked;
        break;
    case ValueColumn: o.value = text; break;
    case MaxAgeColumn:
        if (text.trimmed().isEmpty()) {
            o.maxAge.reset();
        } else {
            bool ok = false;
            const qint64 seconds = text.trimmed().toLongLong(&ok);
            if (!ok) {
                Q_EMIT editRejected(tr("%1 %2: Max-Age must be a whole number of seconds, not \"%3\".")
                                        .arg(QString::fromLatin1(c.route), QString::fromUtf8(o.key), value.toString()));
                return false;
            }
            o.maxAge = seconds;
        }
        break;
    case PathColumn: o.path = text; break;
    case DomainColumn: o.domain = text; break;
    case SameSiteColumn: o.sameSite = text.toLower(); break;
    default: return false;
    }
    const QString error = m_policy->update(c);
    if (!error.isEmpty()) {
        Q_EMIT editRejected(QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(c.route), QString::fromUtf8(o.key), error));
        return false;
    }
    return true;
}

QVariant RouteCookiePolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RouteColumn: return tr("Route");
    case CookieColumn: return tr("Cookie");
    case ValueColumn: return tr("Value");
    case MaxAgeColumn: return tr("Max-Age");
    case PathColumn: return tr("Path");
    case DomainColumn: return tr("Domain");
    case SecureColumn: return tr("Secure");
    case HttpOnlyColumn: return tr("HttpOnly");
    case SameSiteColumn: return tr("SameSite");
    case PartitionedColumn: return tr("Partitioned");
    default: return {};
    }
}

} // namespace CookieLab
