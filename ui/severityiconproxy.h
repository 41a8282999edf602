// SPDX-License-Identifier: MIT
#pragma once

#include <QIdentityProxyModel>

namespace CookieLab
{

/** Adds a severity icon (SVG) and a readable colour to one column of a core model. */
class SeverityIconProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityIconProxy)

public:
    /** severityRole returns the severity as an int (-1 for none) for any column of the row. */
    SeverityIconProxy(int column, int severityRole, QObject *parent = nullptr);
    ~SeverityIconProxy() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QIcon iconFor(int severity);

private:
    int m_column;
    int m_severityRole;
};

} // namespace CookieLab
