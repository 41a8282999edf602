// SPDX-License-Identifier: MIT
#include "ui/requestpane.h"

#include "ui/themecolours.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace CookieLab
{

RequestPane::RequestPane(QWidget *parent)
    : QWidget(parent)
    , m_routes(new QStandardItemModel(0, 3, this))
    , m_routesView(new QTreeView(this))
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    m_routes->setHorizontalHeaderLabels({tr("Method"), tr("Route"), tr("What it does")});
    m_routesView->setModel(m_routes);
    m_routesView->setRootIsDecorated(false);
    m_routesView->setAccessibleName(tr("Server routes"));
    m_routesView->header()->setStretchLastSection(true);
    connect(m_routesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            chooseRoute(m_routes->item(index.row(), 0)->text().toLatin1(), m_routes->item(index.row(), 1)->text().toLatin1());
    });

    m_method->setEditable(true);
    m_method->addItems(
        {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("HEAD")});
    m_method->setAccessibleName(tr("Method"));
    m_url->setAccessibleName(tr("URL"));
    m_headers->setPlaceholderText(tr("One header per line, e.g. Sec-Fetch-Site: cross-site"));
    m_headers->setAccessibleName(tr("Request headers"));
    m_headers->setMaximumHeight(m_headers->fontMetrics().height() * 5);
    m_body->setAccessibleName(tr("Request body"));
    m_body->setPlaceholderText(tr("Body (e.g. JSON)"));
    m_problem->setWordWrap(true);
    ThemeColours::markAsProblem(m_problem);
    m_problem->hide();

    auto *sendButton = new QPushButton(tr("&Send"), this);
    sendButton->setToolTip(tr("Send the request (Ctrl+Enter)"));
    auto *curlButton = new QPushButton(tr("Copy as &curl"), this);
    auto *browserButton = new QPushButton(tr("Open in &browser"), this);
    connect(sendButton, &QPushButton::clicked, this, &RequestPane::send);
    connect(curlButton, &QPushButton::clicked, this, &RequestPane::copyAsCurl);
    connect(browserButton, &QPushButton::clicked, this, &RequestPane::openInBrowser);
    connect(m_url, &QLineEdit::textChanged, this, &RequestPane::composedRequestChanged);
    connect(m_method, &QComboBox::currentTextChanged, this, &RequestPane::composedRequestChanged);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &RequestPane::composedRequestChanged);

    auto *form = new QFormLayout;
    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    form->addRow(tr("Request"), line);
    form->addRow(tr("Headers"), m_headers);
    form->addRow(tr("Body"), m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(sendButton);
    buttons->addWidget(curlButton);
    buttons->addWidget(browserButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_routesView, 2);
    layout->addLayout(form, 3);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
}

RequestPane::~RequestPane() = default;

void RequestPane::setRoutes(const QList<Route> &routes)
{
    m_routes->removeRows(0, m_routes->rowCount());
    for (const Route &route : routes) {
        QList<QStandardItem *> row{new QStandardItem(QString::fromLatin1(route.method)), new QStandardItem(QString::fromLatin1(route.path)),
            new QStandardItem(route.description)};
        for (QStandardItem *item : row) {
            item->setEditable(false);
            item->setToolTip(route.description);
        }
        m_routes->appendRow(row);
    }
    m_routesView->resizeColumnToContents(0);
    m_routesView->resizeColumnToContents(1);
}

void RequestPane::setBaseUrl(const QUrl &baseUrl)
{
    const QUrl old = m_baseUrl;
    m_baseUrl = baseUrl;
    const QUrl current(m_url->text());
    if (m_url->text().isEmpty() || (current.host() == old.host() && current.port() == old.port())) {
        QUrl updated = current.isEmpty() ? baseUrl : current;
        updated.setScheme(baseUrl.scheme());
        updated.setHost(baseUrl.host());
        updated.setPort(baseUrl.port());
        m_url->setText(updated.toString());
    }
}

void RequestPane::chooseRoute(const QByteArray &method, const QByteArray &path)
{
    m_method->setCurrentText(QString::fromLatin1(method));
    m_url->setText(m_baseUrl.resolved(QUrl(QString::fromLatin1(path))).toString());
    if (path == "/login") {
        m_headers->setPlainText(QStringLiteral("Content-Type: application/json"));
        m_body->setPlainText(QStringLiteral("{\"username\": \"alice\", \"password\": \"wonderland\"}"));
    } else {
        m_headers->clear();
        m_body->clear();
    }
    for (int row = 0; row < m_routes->rowCount(); ++row) {
        if (m_routes->item(row, 1)->text().toLatin1() == path && m_routes->item(row, 0)->text().toLatin1() == method
            && m_routesView->currentIndex().row() != row)
            m_routesView->setCurrentIndex(m_routes->index(row, 0));
    }
}

std::optional<OutgoingRequest> RequestPane::composedRequest()
{
    OutgoingRequest request;
    request.method = m_method->currentText().trimmed().toUpper().toLatin1();
    request.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    request.body = m_body->toPlainText().toUtf8();
    QString problem;
    int lineNumber = 0;
    for (const QString &line : m_headers->toPlainText().split(u'\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0) {
            problem = tr("Header line %1 needs the form \"Name: value\".").arg(lineNumber);
            break;
        }
        request.headers.append({line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    if (problem.isEmpty())
        problem = request.problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return std::nullopt;
    return request;
}

void RequestPane::send()
{
    if (const auto request = composedRequest())
        Q_EMIT sendRequested(*request);
}

void RequestPane::copyAsCurl()
{
    if (const auto request = composedRequest())
        Q_EMIT copyCurlRequested(*request);
}

void RequestPane::openInBrowser()
{
    if (const auto request = composedRequest())
        Q_EMIT openInBrowserRequested(request->url);
}

} // namespace CookieLab
