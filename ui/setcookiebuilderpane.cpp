// SPDX-License-Identifier: MIT
#include "ui/setcookiebuilderpane.h"

#include "core/cookieanalyzer.h"
#include "core/findingsmodel.h"
#include "core/setcookieparser.h"
#include "core/setcookieserializer.h"
#include "ui/exchangedetailpane.h"
#include "ui/severityiconproxy.h"
#include "ui/themecolours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace CookieLab
{

SetCookieBuilderPane::SetCookieBuilderPane(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(QStringLiteral("session"), this))
    , m_value(new QLineEdit(QStringLiteral("abc123"), this))
    , m_maxAge(new QLineEdit(QStringLiteral("3600"), this))
    , m_domain(new QLineEdit(this))
    , m_path(new QLineEdit(QStringLiteral("/"), this))
    , m_secure(new QCheckBox(QStringLiteral("Secure"), this))
    , m_httpOnly(new QCheckBox(QStringLiteral("HttpOnly"), this))
    , m_partitioned(new QCheckBox(QStringLiteral("Partitioned"), this))
    , m_sameSite(new QComboBox(this))
    , m_preview(new QTextBrowser(this))
    , m_problem(new QLabel(this))
    , m_findings(new FindingsModel(this))
    , m_findingsView(new QTableView(this))
{
    m_sameSite->addItems({QStringLiteral("lax"), QStringLiteral("strict"), QStringLiteral("none"), tr("(none)")});
    m_maxAge->setPlaceholderText(tr("seconds; empty for a session cookie"));
    m_domain->setPlaceholderText(tr("empty: host-only"));
    m_preview->setMaximumHeight(m_preview->fontMetrics().height() * 4);
    m_preview->setAccessibleName(tr("Built Set-Cookie header"));
    m_problem->setWordWrap(true);
    ThemeColours::markAsProblem(m_problem);
    auto *icons = new SeverityIconProxy(FindingsModel::SeverityColumn, FindingsModel::SeverityRole, this);
    icons->setSourceModel(m_findings);
    m_findingsView->setModel(icons);
    m_findingsView->setAccessibleName(tr("Findings for the built header"));
    m_findingsView->verticalHeader()->hide();
    m_findingsView->horizontalHeader()->setStretchLastSection(true);

    auto *send = new QPushButton(tr("Send through /response-headers"), this);
    send->setToolTip(tr("The server answers with exactly this Set-Cookie, so the app's jar (or a browser) stores it."));
    connect(send, &QPushButton::clicked, this, [this] {
        if (m_header.isEmpty() || m_baseUrl.isEmpty())
            return;
        QUrl url = m_baseUrl.resolved(QUrl(QStringLiteral("/response-headers")));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("Set-Cookie"), QString::fromUtf8(QUrl::toPercentEncoding(QString::fromUtf8(m_header))));
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        Q_EMIT sendRequested(url);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Value"), m_value);
    form->addRow(tr("Max-Age"), m_maxAge);
    form->addRow(tr("Domain"), m_domain);
    form->addRow(tr("Path"), m_path);
    form->addRow(tr("SameSite"), m_sameSite);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_secure);
    flags->addWidget(m_httpOnly);
    flags->addWidget(m_partitioned);
    flags->addStretch();
    form->addRow(QString(), flags);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_problem);
    layout->addWidget(m_findingsView, 1);
    layout->addWidget(send, 0, Qt::AlignLeft);

    for (QLineEdit *edit : {m_name, m_value, m_maxAge, m_domain, m_path})
        connect(edit, &QLineEdit::textChanged, this, &SetCookieBuilderPane::rebuild);
    for (QCheckBox *box : {m_secure, m_httpOnly, m_partitioned})
        connect(box, &QCheckBox::toggled, this, &SetCookieBuilderPane::rebuild);
    connect(m_sameSite, &QComboBox::currentIndexChanged, this, &SetCookieBuilderPane::rebuild);
    rebuild();
}

SetCookieBuilderPane::~SetCookieBuilderPane() = default;

void SetCookieBuilderPane::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
    rebuild();
}

void SetCookieBuilderPane::rebuild()
{
    CookieOptions options;
    options.key = m_name->text().toUtf8();
    options.value = m_value->text().toUtf8();
    QString problem;
    if (!m_maxAge->text().trimmed().isEmpty()) {
        bool ok = false;
        options.maxAge = m_maxAge->text().trimmed().toLongLong(&ok);
        if (!ok)
            problem = tr("Max-Age must be a whole number of seconds.");
    }
    options.domain = m_domain->text().trimmed().toUtf8();
    options.path = m_path->text().toUtf8();
    options.secure = m_secure->isChecked();
    options.httpOnly = m_httpOnly->isChecked();
    options.partitioned = m_partitioned->isChecked();
    options.sameSite = m_sameSite->currentIndex() == 3 ? QByteArray() : m_sameSite->currentText().toLatin1();
    const SetCookieSerializer::Result result = SetCookieSerializer::serialize(options);
    if (problem.isEmpty())
        problem = result.error;
    m_header = problem.isEmpty() ? result.header : QByteArray();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (m_header.isEmpty()) {
        m_preview->clear();
        m_findings->setFindings({});
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const SetCookie parsed = SetCookieParser::parse(m_header, now);
    m_preview->setHtml(QStringLiteral("<code>Set-Cookie: %1</code>").arg(ExchangeDetailPane::highlightedSetCookie(parsed)));
    AnalysisContext context;
    context.url = m_baseUrl.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:8000/")) : m_baseUrl;
    context.now = now;
    m_findings->setFindings(CookieAnalyzer(context).analyzeResponse({parsed}));
    m_findingsView->resizeColumnsToContents();
}

} // namespace CookieLab
