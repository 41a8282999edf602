// SPDX-License-Identifier: MIT
#include "ui/cookieeditdialog.h"

#include "core/setcookieserializer.h"
#include "ui/themecolours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace CookieLab
{

CookieEditDialog::CookieEditDialog(const StoredCookie &cookie, qint64 nowMsecs, QWidget *parent)
    : QDialog(parent)
    , m_original(cookie)
    , m_name(new QLineEdit(QString::fromUtf8(cookie.name), this))
    , m_value(new QLineEdit(QString::fromUtf8(cookie.value), this))
    , m_domain(new QLineEdit(QString::fromUtf8(cookie.domain), this))
    , m_path(new QLineEdit(QString::fromUtf8(cookie.path.isEmpty() ? QByteArrayLiteral("/") : cookie.path), this))
    , m_session(new QCheckBox(tr("Session cookie (no expiry)"), this))
    , m_expires(new QDateTimeEdit(this))
    , m_hostOnly(new QCheckBox(tr("Host-only (no Domain attribute)"), this))
    , m_secure(new QCheckBox(QStringLiteral("Secure"), this))
    , m_httpOnly(new QCheckBox(QStringLiteral("HttpOnly"), this))
    , m_sameSite(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(cookie.name.isEmpty() ? tr("Add cookie") : tr("Edit cookie %1").arg(QString::fromUtf8(cookie.name)));
    m_session->setChecked(!cookie.persistent);
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_expires->setDateTime(QDateTime::fromMSecsSinceEpoch(cookie.persistent ? cookie.expiry : nowMsecs + 3600LL * 1000));
    m_expires->setEnabled(cookie.persistent);
    m_hostOnly->setChecked(cookie.hostOnly);
    m_secure->setChecked(cookie.secure);
    m_httpOnly->setChecked(cookie.httpOnly);
    m_sameSite->addItems({tr("(unspecified)"), QStringLiteral("Lax"), QStringLiteral("Strict"), QStringLiteral("None")});
    m_sameSite->setCurrentIndex(cookie.sameSite == SameSite::Lax ? 1
            : cookie.sameSite == SameSite::Strict                ? 2
            : cookie.sameSite == SameSite::None                  ? 3
                                                                 : 0);
    m_problem->setWordWrap(true);
    ThemeColours::markAsProblem(m_problem);
    for (QLineEdit *edit : {m_name, m_value, m_domain, m_path})
        edit->setAccessibleName(edit == m_name ? tr("Name") : edit == m_value ? tr("Value") : edit == m_domain ? tr("Domain") : tr("Path"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Value"), m_value);
    form->addRow(tr("&Domain"), m_domain);
    form->addRow(QString(), m_hostOnly);
    form->addRow(tr("&Path"), m_path);
    form->addRow(QString(), m_session);
    form->addRow(tr("&Expires"), m_expires);
    form->addRow(QString(), m_secure);
    form->addRow(QString(), m_httpOnly);
    form->addRow(tr("&SameSite"), m_sameSite);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_session, &QCheckBox::toggled, m_expires, [this](bool session) { m_expires->setEnabled(!session); });
    for (QLineEdit *edit : {m_name, m_value, m_domain, m_path})
        connect(edit, &QLineEdit::textChanged, this, &CookieEditDialog::validate);
    connect(m_sameSite, &QComboBox::currentIndexChanged, this, &CookieEditDialog::validate);
    connect(m_secure, &QCheckBox::toggled, this, &CookieEditDialog::validate);
    validate();
}

CookieEditDialog::~CookieEditDialog() = default;

QString CookieEditDialog::problem() const
{
    const QByteArray name = m_name->text().toUtf8();
    for (const QString &error : {SetCookieSerializer::checkName(name), SetCookieSerializer::checkValue(m_value->text().toUtf8()),
             SetCookieSerializer::checkDomain(m_domain->text().toUtf8()), SetCookieSerializer::checkPath(m_path->text().toUtf8())}) {
        if (!error.isEmpty())
            return error;
    }
    if (m_domain->text().trimmed().isEmpty())
        return tr("Domain is empty: give the host (or parent domain) the cookie belongs to.");
    if (m_sameSite->currentIndex() == 3 && !m_secure->isChecked())
        return tr("SameSite=None requires Secure; browsers would drop this cookie.");
    return {};
}

void CookieEditDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

StoredCookie CookieEditDialog::cookie() const
{
    StoredCookie cookie = m_original;
    cookie.name = m_name->text().toUtf8();
    cookie.value = m_value->text().toUtf8();
    cookie.domain = m_domain->text().trimmed().toUtf8().toLower();
    if (cookie.domain.startsWith('.'))
        cookie.domain.remove(0, 1);
    cookie.path = m_path->text().toUtf8();
    cookie.hostOnly = m_hostOnly->isChecked();
    cookie.persistent = !m_session->isChecked();
    cookie.expiry = cookie.persistent ? m_expires->dateTime().toMSecsSinceEpoch() : 0;
    cookie.secure = m_secure->isChecked();
    cookie.httpOnly = m_httpOnly->isChecked();
    static const SameSite values[] = {SameSite::Unspecified, SameSite::Lax, SameSite::Strict, SameSite::None};
    cookie.sameSite = values[m_sameSite->currentIndex()];
    return cookie;
}

} // namespace CookieLab
