// SPDX-License-Identifier: MIT
#include "core/cookiejarmodel.h"

#include "core/cookiejar.h"

#include <QDateTime>

namespace CookieLab
{

namespace
{

QString duration(qint64 seconds)
{
    if (seconds >= 2LL * 86400)
        return QObject::tr("%n days", nullptr, int(seconds / 86400));
    if (seconds >= 2LL * 3600)
        return QObject::tr("%n hours", nullptr, int(seconds / 3600));
    if (seconds >= 120)
        return QObject::tr("%n minutes", nullptr, int(seconds / 60));
    return QObject::tr("%n seconds", nullptr, int(seconds));
}

QString timestamp(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

CookieJarModel::CookieJarModel(CookieJar *jar, QObject *parent)
    : QAbstractTableModel(parent)
    , m_jar(jar)
{
    connect(jar, &CookieJar::changed, this, &CookieJarModel::reload);
    reload();
}

CookieJarModel::~CookieJarModel() = default;

void CookieJarModel::reload()
{
    // A jar holds a few hundred cookies at most: re-reading it is simpler than diffing.
    beginResetModel();
    m_cookies = m_jar ? m_jar->cookies() : QList<StoredCookie>();
    endResetModel();
}

void CookieJarModel::refreshTimes()
{
    if (!m_cookies.isEmpty())
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn), {Qt::DisplayRole, Qt::ToolTipRole, ExpiredRole});
}

QString CookieJarModel::relativeExpiry(const StoredCookie &cookie, qint64 nowMsecs)
{
    if (!cookie.persistent)
        return tr("session");
    const qint64 seconds = (cookie.expiry - nowMsecs) / 1000;
    return seconds > 0 ? tr("in %1").arg(duration(seconds)) : tr("expired %1 ago").arg(duration(-seconds));
}

int CookieJarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int CookieJarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

StoredCookie CookieJarModel::cookie(int row) const
{
    return m_cookies.value(row);
}

QVariant CookieJarModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cookies.size())
        return {};
    const StoredCookie &c = m_cookies.at(index.row());
    const qint64 now = m_jar ? m_jar->now() : QDateTime::currentMSecsSinceEpoch();
    if (role == ExpiredRole)
        return c.isExpired(now);
    const bool sort = role == SortRole;
    if (role == Qt::ToolTipRole && index.column() == ExpiresColumn)
        return c.persistent ? timestamp(c.expiry) : tr("Deleted when the browser session ends");
    if (role != Qt::DisplayRole && !sort)
        return {};
    const auto flag = [sort](bool on) { return sort ? QVariant(on) : QVariant(on ? QStringLiteral("✓") : QString()); };
    switch (index.column()) {
    case NameColumn: return QString::fromUtf8(c.name);
    case ValueColumn: return QString::fromUtf8(c.value);
    case DomainColumn: return QString::fromUtf8(c.hostOnly ? c.domain : "." + c.domain);
    case PathColumn: return QString::fromUtf8(c.path);
    case ExpiresColumn:
        if (sort)
            return c.persistent ? c.expiry : std::numeric_limits<qint64>::max();
        return c.persistent ? timestamp(c.expiry) + QStringLiteral(" (") + relativeExpiry(c, now) + u')' : tr("Session");
    case SizeColumn: return int(c.size());
    case HttpOnlyColumn: return flag(c.httpOnly);
    case SecureColumn: return flag(c.secure);
    case SameSiteColumn:
        return c.sameSite == SameSite::Unspecified || c.sameSite == SameSite::Invalid ? tr("(Lax by default)")
                                                                                      : QString::fromLatin1(sameSiteName(c.sameSite));
    case HostOnlyColumn: return flag(c.hostOnly);
    case PartitionColumn: return QString::fromUtf8(c.partitionKey);
    case CreatedColumn: return sort ? QVariant(c.creation) : QVariant(timestamp(c.creation));
    case LastAccessColumn: return sort ? QVariant(c.lastAccess) : QVariant(timestamp(c.lastAccess));
    default: return {};
    }
}

QVariant CookieJarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case ValueColumn: return tr("Value");
    case DomainColumn: return tr("Domain");
    case PathColumn: return tr("Path");
    case ExpiresColumn: return tr("Expires");
    case SizeColumn: return tr("Size");
    case HttpOnlyColumn: return tr("HttpOnly");
    case SecureColumn: return tr("Secure");
    case SameSiteColumn: return tr("SameSite");
    case HostOnlyColumn: return tr("Host-only");
    case PartitionColumn: return tr("Partition");
    case CreatedColumn: return tr("Created");
    case LastAccessColumn: return tr("Last access");
    default: return {};
    }
}

} // namespace CookieLab
