// SPDX-License-Identifier: MIT
#include "ui/severityiconproxy.h"

#include <QIcon>

namespace CookieLab
{

SeverityIconProxy::SeverityIconProxy(int column, int severityRole, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_column(column)
    , m_severityRole(severityRole)
{
}

SeverityIconProxy::~SeverityIconProxy() = default;

QIcon SeverityIconProxy::iconFor(int severity)
{
    static const QIcon icons[]
        = {QIcon(QStringLiteral(":/resources/icons/severity-info.svg")), QIcon(QStringLiteral(":/resources/icons/severity-low.svg")),
            QIcon(QStringLiteral(":/resources/icons/severity-medium.svg")), QIcon(QStringLiteral(":/resources/icons/severity-high.svg"))};
    return severity >= 0 && severity <= 3 ? icons[severity] : QIcon();
}

QVariant SeverityIconProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == m_column) {
        const QVariant severity = QIdentityProxyModel::data(index, m_severityRole);
        if (severity.isValid())
            return iconFor(severity.toInt());
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace CookieLab
