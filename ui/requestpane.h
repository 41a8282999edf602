// SPDX-License-Identifier: MIT
#pragma once

#include "core/outgoingrequest.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStandardItemModel;
class QTreeView;

namespace CookieLab
{

/** The server's routes and a request composer: pick a route, adjust, send. */
class RequestPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestPane)

public:
    struct Route
    {
        QByteArray method;
        QByteArray path;
        QString description;
    };

    explicit RequestPane(QWidget *parent = nullptr);
    ~RequestPane() override;

    void setRoutes(const QList<Route> &routes);
    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    /** Fills the composer for a route (a JSON login body with a workshop user for /login). */
    void chooseRoute(const QByteArray &method, const QByteArray &path);
    /** The composed request, or nothing with the reason shown in the pane. */
    std::optional<OutgoingRequest> composedRequest();
    QTreeView *routesView() const { return m_routesView; }
    QLineEdit *urlEdit() const { return m_url; }
    QPlainTextEdit *bodyEdit() const { return m_body; }

public Q_SLOTS:
    void send();
    void copyAsCurl();
    void openInBrowser();

Q_SIGNALS:
    void sendRequested(const CookieLab::OutgoingRequest &request);
    void copyCurlRequested(const CookieLab::OutgoingRequest &request);
    void openInBrowserRequested(const QUrl &url);
    /** The composer changed (for the "why sent / why not" view). */
    void composedRequestChanged();

private:
    QUrl m_baseUrl;
    QStandardItemModel *m_routes;
    QTreeView *m_routesView;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QLabel *m_problem;
};

} // namespace CookieLab
