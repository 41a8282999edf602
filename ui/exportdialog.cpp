// SPDX-License-Identifier: MIT
#include "ui/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace CookieLab
{

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_limits(new QLabel(this))
    , m_redact(new QCheckBox(tr("&Redact for sharing: replace cookie values with salted hashes (equal values stay equal) "
                                "and mask passwords"),
          this))
{
    setWindowTitle(tr("Export"));
    for (CookieFormat format : CookieFormats::exportFormats())
        m_format->addItem(CookieFormats::title(format), int(format));
    m_format->setAccessibleName(tr("Export format"));
    m_limits->setWordWrap(true);
    m_limits->setTextFormat(Qt::RichText);
    m_limits->setMinimumWidth(460);
    m_redact->setChecked(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Format:"), m_format);
    layout->addRow(m_limits);
    layout->addRow(m_redact);
    layout->addRow(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateLimits);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateLimits();
}

ExportDialog::~ExportDialog() = default;

CookieFormat ExportDialog::format() const
{
    return CookieFormat(m_format->currentData().toInt());
}

void ExportDialog::setFormat(CookieFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

bool ExportDialog::redact() const
{
    return m_redact->isChecked();
}

QString ExportDialog::limitsText() const
{
    return m_limits->text();
}

void ExportDialog::updateLimits()
{
    const CookieFormat chosen = format();
    QString text
        = CookieFormats::holdsExchanges(chosen) ? tr("Exports every exchange in the log.") : tr("Exports the cookies in the app's jar.");
    const QStringList lost = CookieFormats::lostFields(chosen);
    if (lost.isEmpty()) {
        text += tr(" Nothing is lost.");
    } else {
        text += tr("<br><b>This format cannot carry:</b><ul>");
        for (const QString &field : lost)
            text += QStringLiteral("<li>%1</li>").arg(field.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    m_limits->setText(text);
}

} // namespace CookieLab
