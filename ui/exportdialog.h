// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieformat.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;

namespace CookieLab
{

/** Chooses an export format and says, before anything is written, which fields that format cannot carry. */
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    explicit ExportDialog(QWidget *parent = nullptr);
    ~ExportDialog() override;

    CookieFormat format() const;
    void setFormat(CookieFormat format);
    bool redact() const;
    /** The text shown for the chosen format: what it loses, and whether it exports the jar or the exchanges. */
    QString limitsText() const;

private:
    void updateLimits();

    QComboBox *m_format;
    QLabel *m_limits;
    QCheckBox *m_redact;
};

} // namespace CookieLab
