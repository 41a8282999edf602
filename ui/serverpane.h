// SPDX-License-Identifier: MIT
#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace CookieLab
{

class RouteCookiePolicy;
class VulnerabilitySwitches;
class RouteCookiePolicyModel;

/** The embedded server: where it listens, start/stop, and the cookie attributes each route emits. */
class ServerPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPane)

public:
    ServerPane(RouteCookiePolicy *policy, VulnerabilitySwitches *switches, QWidget *parent = nullptr);
    ~ServerPane() override;

    /**
     * Shows whether the server listens, where, or why it could not start. networkUrls: the lab on
     * addresses other machines can reach (a LAN bind), shown with a warning.
     */
    void setServerState(bool listening, const QUrl &url, const QString &error, const QList<QUrl> &networkUrls = {});
    RouteCookiePolicyModel *policyModel() const { return m_policyModel; }
    QTableView *policyView() const { return m_policyView; }

Q_SIGNALS:
    void startRequested(const QString &address, quint16 port);
    void stopRequested();
    /** Server sessions, jar and log cleared: the next exercise starts clean. */
    void resetExerciseRequested();

private:
    RouteCookiePolicy *m_policy;
    VulnerabilitySwitches *m_switches;
    RouteCookiePolicyModel *m_policyModel;
    QTableView *m_policyView;
    QLabel *m_status;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QPushButton *m_toggle;
    QPushButton *m_anyPort;
    QLabel *m_policyError;
    bool m_listening = false;
};

} // namespace CookieLab
