// SPDX-License-Identifier: MIT
#include "core/setcookiemodel.h"

#include "core/cookiejarmodel.h"

#include <QDateTime>

namespace CookieLab
{

SetCookieModel::SetCookieModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

SetCookieModel::~SetCookieModel() = default;

void SetCookieModel::setCookies(QList<SetCookie> cookies, const QByteArray &requestPath)
{
    beginResetModel();
    m_cookies = std::move(cookies);
    m_requestPath = requestPath;
    endResetModel();
}

int SetCookieModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int SetCookieModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SetCookieModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cookies.size())
        return {};
    const SetCookie &c = m_cookies.at(index.row());
    if (role == HeaderRole)
        return QString::fromUtf8(c.header);
    if (role == Qt::ToolTipRole && index.column() == DiagnosticsColumn) {
        QStringList lines;
        for (const auto &d : c.diagnostics)
            lines.append(d.message());
        return lines.join(u'\n');
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const auto flag = [](bool on) { return on ? QStringLiteral("✓") : QString(); };
    switch (index.column()) {
    case NameColumn: return QString::fromUtf8(c.name);
    case ValueColumn: return QString::fromUtf8(c.value);
    case DomainColumn: return c.hasDomain && !c.domain.isEmpty() ? QString::fromUtf8(c.domain) : tr("(host-only)");
    case PathColumn: return QString::fromUtf8(c.effectivePath(m_requestPath));
    case ExpiresColumn: {
        if (!c.persistent)
            return tr("Session");
        if (c.isDeletion())
            return tr("Deletion (already expired)");
        StoredCookie stored;
        stored.persistent = true;
        stored.expiry = c.expiry;
        return QString(QDateTime::fromMSecsSinceEpoch(c.expiry).toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" (")
            + CookieJarModel::relativeExpiry(stored, c.receivedAt) + (c.expiryCapped ? tr(", capped at 400 days") : QString()) + u')');
    }
    case MaxAgeColumn: return c.maxAge ? QVariant(*c.maxAge) : QVariant();
    case SizeColumn: return int(c.name.size() + c.value.size());
    case SecureColumn: return flag(c.secure);
    case HttpOnlyColumn: return flag(c.httpOnly);
    case SameSiteColumn: return c.sameSite == SameSite::Unspecified ? tr("(unset)") : QString::fromLatin1(sameSiteName(c.sameSite));
    case PartitionedColumn: return flag(c.partitioned);
    case DiagnosticsColumn: {
        QStringList codes;
        for (const auto &d : c.diagnostics)
            codes.append(QString::fromLatin1(d.codeName()));
        return codes.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant SetCookieModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ValueColumn: return tr("Value");
    case DomainColumn: return tr("Domain");
    case PathColumn: return tr("Path");
    case ExpiresColumn: return tr("Expires");
    case MaxAgeColumn: return tr("Max-Age");
    case SizeColumn: return tr("Size");
    case SecureColumn: return tr("Secure");
    case HttpOnlyColumn: return tr("HttpOnly");
    case SameSiteColumn: return tr("SameSite");
    case PartitionedColumn: return tr("Partitioned");
    case DiagnosticsColumn: return tr("Parser notes");
    default: return {};
    }
}

} // namespace CookieLab
