// SPDX-License-Identifier: MIT
#include "ui/serverpane.h"

#include "core/routecookiepolicy.h"
#include "core/routecookiepolicymodel.h"
#include "core/vulnerabilityswitches.h"
#include "ui/themecolours.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace CookieLab
{

ServerPane::ServerPane(RouteCookiePolicy *policy, VulnerabilitySwitches *switches, QWidget *parent)
    : QWidget(parent)
    , m_policy(policy)
    , m_switches(switches)
    , m_policyModel(new RouteCookiePolicyModel(policy, this))
    , m_policyView(new QTableView(this))
    , m_status(new QLabel(this))
    , m_address(new QLineEdit(QStringLiteral("127.0.0.1"), this))
    , m_port(new QSpinBox(this))
    , m_toggle(new QPushButton(tr("Stop"), this))
    , m_anyPort(new QPushButton(tr("Use any free port"), this))
    , m_policyError(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("serverStatus"));
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setOpenExternalLinks(true);
    m_status->setWordWrap(true);
    m_address->setAccessibleName(tr("Bind address"));
    m_address->setToolTip(tr("127.0.0.1 keeps the server on this machine; another address lets other machines reach it."));
    m_port->setRange(0, 65535);
    m_port->setValue(8000);
    m_port->setAccessibleName(tr("Port"));
    m_port->setSpecialValueText(tr("any"));
    m_anyPort->hide();
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        if (m_listening)
            Q_EMIT stopRequested();
        else
            Q_EMIT startRequested(m_address->text().trimmed(), quint16(m_port->value()));
    });
    connect(m_anyPort, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(m_address->text().trimmed(), 0); });

    m_policyView->setModel(m_policyModel);
    m_policyView->setAccessibleName(tr("Route cookie policy"));
    m_policyView->verticalHeader()->hide();
    m_policyView->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_policyView->resizeColumnsToContents();
    m_policyError->setWordWrap(true);
    ThemeColours::markAsProblem(m_policyError);
    m_policyError->hide();
    connect(m_policyModel, &RouteCookiePolicyModel::editRejected, this, [this](const QString &message) {
        m_policyError->setText(message);
        m_policyError->show();
    });
    connect(m_policyModel, &QAbstractItemModel::dataChanged, m_policyError, &QLabel::hide);
    auto *reset = new QPushButton(tr("Reset to the documented defaults"), this);
    connect(reset, &QPushButton::clicked, this, [this] { m_policy->reset(); });

    auto *where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("Address"), this));
    where->addWidget(m_address);
    where->addWidget(new QLabel(tr("Port"), this));
    where->addWidget(m_port);
    where->addWidget(m_toggle);
    where->addWidget(m_anyPort);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(where);
    layout->addWidget(
        new QLabel(tr("Cookies each route sets (double-click to edit; every value is checked before it can reach the wire):"), this));
    layout->addWidget(m_policyView, 1);
    layout->addWidget(m_policyError);
    layout->addWidget(reset, 0, Qt::AlignLeft);

    auto *switchBox = new QGroupBox(tr("Vulnerability switches (for teaching; all off by default, every change is logged)"), this);
    auto *switchLayout = new QVBoxLayout(switchBox);
    for (const VulnerabilityInfo &info : VulnerabilitySwitches::all()) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(info.title, QString::fromLatin1(info.route)), switchBox);
        box->setObjectName(QStringLiteral("switch-") + QString::fromLatin1(info.id));
        box->setToolTip(tr("%1<br/>Caught by %2 · lesson \"%3\"")
                            .arg(info.effect.toHtmlEscaped(), info.rules.join(QStringLiteral(", ")), QString::fromLatin1(info.lesson)));
        box->setChecked(switches->isOn(info.vulnerability));
        const Vulnerability vulnerability = info.vulnerability;
        connect(box, &QCheckBox::toggled, this, [this, vulnerability](bool on) { m_switches->set(vulnerability, on); });
        switchLayout->addWidget(box);
    }
    connect(switches, &VulnerabilitySwitches::changed, this, [this](Vulnerability vulnerability, bool on) {
        if (auto *box
            = findChild<QCheckBox *>(QStringLiteral("switch-") + QString::fromLatin1(VulnerabilitySwitches::info(vulnerability).id)))
            box->setChecked(on);
    });
    auto *resetExercise = new QPushButton(tr("Reset exercise: end server sessions, empty the jar and the log"), this);
    resetExercise->setObjectName(QStringLiteral("resetExercise"));
    connect(resetExercise, &QPushButton::clicked, this, &ServerPane::resetExerciseRequested);
    layout->addWidget(switchBox);
    layout->addWidget(resetExercise, 0, Qt::AlignLeft);
}

ServerPane::~ServerPane() = default;

void ServerPane::setServerState(bool listening, const QUrl &url, const QString &error, const QList<QUrl> &networkUrls)
{
    m_listening = listening;
    m_toggle->setText(listening ? tr("Stop") : tr("Start"));
    m_anyPort->setVisible(!listening && !error.isEmpty());
    if (listening) {
        m_port->setValue(url.port());
        QString text = tr("Listening on <a href='%1'>%1</a>").arg(url.toString().toHtmlEscaped());
        if (!networkUrls.isEmpty()) {
            text += tr("<br/><b>Warning:</b> other machines can reach this server and its deliberately weak cookies.");
            QStringList links;
            for (const QUrl &lab : networkUrls)
                links.append(QStringLiteral("<a href='%1'>%1</a>").arg(lab.toString().toHtmlEscaped()));
            text += tr("<br/>Attendees open %1").arg(links.join(QStringLiteral(" or ")));
        }
        m_status->setText(text);
    } else {
        m_status->setText(error.isEmpty() ? tr("Stopped.") : tr("<b>Not listening:</b> %1").arg(error.toHtmlEscaped()));
    }
}

} // namespace CookieLab
