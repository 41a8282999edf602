// SPDX-License-Identifier: MIT
#pragma once

#include "core/outgoingrequest.h"
#include "core/storedcookie.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace CookieLab
{

class CookieInclusionModel;
class CookieJar;
class CookieJarModel;

/**
 * The client's cookie jar: the stored cookies with live expiry, editing, deletion scopes, a clock
 * to travel forward, value decoding, and "why sent / why not" for the composed request.
 */
class JarPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JarPane)

public:
    explicit JarPane(CookieJar *jar, QWidget *parent = nullptr);
    ~JarPane() override;

    /** Moves the jar's clock forward by this much (0 returns to now). */
    void travel(qint64 msecs);
    qint64 clockOffset() const { return m_offset; }
    /** Recomputes "why sent / why not" for this request. */
    void setComposedRequest(const std::optional<OutgoingRequest> &request);
    StoredCookie selectedCookie() const;
    void selectCookie(const QByteArray &name);
    CookieJarModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    CookieInclusionModel *inclusionModel() const { return m_inclusions; }
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

public Q_SLOTS:
    void addCookie();
    void editSelected();
    void deleteSelected();
    void deleteHostOfSelected();
    void clearSessionCookies();

private:
    void updateClockLabel();
    void showDecoded();

    CookieJar *m_jar;
    CookieJarModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QTextBrowser *m_decoded;
    CookieInclusionModel *m_inclusions;
    QTableView *m_inclusionView;
    QLabel *m_clock;
    qint64 m_offset = 0;
    std::optional<OutgoingRequest> m_request;
};

} // namespace CookieLab
