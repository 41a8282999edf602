// SPDX-License-Identifier: MIT
#pragma once

#include "core/storedcookie.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace CookieLab
{

/** Adds or edits a jar cookie; every field is checked with the serializer's rules and refused with the reason. */
class CookieEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieEditDialog)

public:
    /** nowMsecs: the jar's clock, for the default expiry. */
    CookieEditDialog(const StoredCookie &cookie, qint64 nowMsecs, QWidget *parent = nullptr);
    ~CookieEditDialog() override;

    StoredCookie cookie() const;
    /** Why the fields cannot be saved, or empty. */
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *valueEdit() const { return m_value; }

private:
    void validate();

    StoredCookie m_original;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QLineEdit *m_domain;
    QLineEdit *m_path;
    QCheckBox *m_session;
    QDateTimeEdit *m_expires;
    QCheckBox *m_hostOnly;
    QCheckBox *m_secure;
    QCheckBox *m_httpOnly;
    QComboBox *m_sameSite;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace CookieLab
