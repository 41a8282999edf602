// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieoptions.h"

#include <QUrl>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTextBrowser;

namespace CookieLab
{

class FindingsModel;

/** Builds a Set-Cookie line attribute by attribute, shows the exact header and its findings live. */
class SetCookieBuilderPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetCookieBuilderPane)

public:
    explicit SetCookieBuilderPane(QWidget *parent = nullptr);
    ~SetCookieBuilderPane() override;

    /** The server the header is judged for and sent through. */
    void setBaseUrl(const QUrl &baseUrl);
    /** The header as built, or empty with the reason shown when a field is refused. */
    QByteArray header() const { return m_header; }
    FindingsModel *findingsModel() const { return m_findings; }
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *httpOnlyBox() const { return m_httpOnly; }

Q_SIGNALS:
    /** Send the header through /response-headers so a real client stores it. */
    void sendRequested(const QUrl &url);

private:
    void rebuild();

    QUrl m_baseUrl;
    QByteArray m_header;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QLineEdit *m_maxAge;
    QLineEdit *m_domain;
    QLineEdit *m_path;
    QCheckBox *m_secure;
    QCheckBox *m_httpOnly;
    QCheckBox *m_partitioned;
    QComboBox *m_sameSite;
    QTextBrowser *m_preview;
    QLabel *m_problem;
    FindingsModel *m_findings;
    QTableView *m_findingsView;
};

} // namespace CookieLab
