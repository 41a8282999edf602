// SPDX-License-Identifier: MIT
#include "ui/jarpane.h"

#include "core/cookieinclusionmodel.h"
#include "core/cookiejar.h"
#include "core/cookiejarmodel.h"
#include "core/hostname.h"
#include "core/valuedecoder.h"
#include "ui/cookieeditdialog.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace CookieLab
{

JarPane::JarPane(CookieJar *jar, QWidget *parent)
    : QWidget(parent)
    , m_jar(jar)
    , m_model(new CookieJarModel(jar, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_decoded(new QTextBrowser(this))
    , m_inclusions(new CookieInclusionModel(this))
    , m_inclusionView(new QTableView(this))
    , m_clock(new QLabel(this))
{
    m_jar->setClock([this] { return QDateTime::currentMSecsSinceEpoch() + m_offset; });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CookieJarModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Stored cookies"));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::doubleClicked, this, &JarPane::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JarPane::showDecoded);
    connect(m_jar, &CookieJar::changed, this, [this] { setComposedRequest(m_request); });

    m_decoded->setAccessibleName(tr("Decoded value"));
    m_inclusionView->setModel(m_inclusions);
    m_inclusionView->setAccessibleName(tr("Why sent or not sent"));
    m_inclusionView->verticalHeader()->hide();
    m_inclusionView->horizontalHeader()->setStretchLastSection(true);
    m_inclusionView->setWordWrap(false);

    const auto button = [this](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto *tools = new QHBoxLayout;
    tools->addWidget(button(tr("Add"), tr("Add a cookie"), &JarPane::addCookie));
    tools->addWidget(button(tr("Edit"), tr("Edit the selected cookie"), &JarPane::editSelected));
    tools->addWidget(button(tr("Delete"), tr("Delete the selected cookie"), &JarPane::deleteSelected));
    tools->addWidget(button(tr("Delete host"), tr("Delete every cookie of the selected cookie's host"), &JarPane::deleteHostOfSelected));
    tools->addWidget(
        button(tr("Clear session"), tr("Clear session cookies, as restarting the browser does"), &JarPane::clearSessionCookies));
    tools->addStretch();
    auto *clock = new QHBoxLayout;
    clock->addWidget(m_clock);
    clock->addStretch();
    clock->addWidget(button(tr("+1 h"), tr("Move the jar clock forward one hour"), [this] { travel(m_offset + 3600LL * 1000); }));
    clock->addWidget(button(tr("+1 d"), tr("Move the jar clock forward one day"), [this] { travel(m_offset + 86400LL * 1000); }));
    clock->addWidget(button(tr("+400 d"), tr("Move the jar clock forward 400 days"), [this] { travel(m_offset + 400 * 86400LL * 1000); }));
    clock->addWidget(button(tr("Now"), tr("Return the jar clock to now"), [this] { travel(0); }));

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_decoded);
    bottom->addWidget(m_inclusionView);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(bottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addLayout(clock);
    layout->addWidget(split);

    // Expiry counts down live.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, [this] {
        m_model->refreshTimes();
        updateClockLabel();
    });
    ticker->start(1000);
    updateClockLabel();
}

JarPane::~JarPane()
{
    // Hand the jar back its wall clock without telling anyone: the listeners are being torn down too.
    const QSignalBlocker quiet(m_jar);
    m_jar->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void JarPane::travel(qint64 msecs)
{
    m_offset = msecs;
    m_jar->setClock([this] { return QDateTime::currentMSecsSinceEpoch() + m_offset; });
    m_model->refreshTimes();
    updateClockLabel();
    setComposedRequest(m_request);
}

void JarPane::updateClockLabel()
{
    const QString now = QDateTime::fromMSecsSinceEpoch(m_jar->now()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_clock->setText(m_offset == 0 ? tr("Jar clock: now") : tr("Jar clock: %1").arg(now));
}

void JarPane::setComposedRequest(const std::optional<OutgoingRequest> &request)
{
    m_request = request;
    if (!request) {
        m_inclusions->setInclusions({});
        return;
    }
    CookieRequestContext context = CookieRequestContext::forUrl(request->url);
    context.method = request->method;
    m_inclusions->setInclusions(m_jar->explain(context));
    m_inclusionView->resizeColumnsToContents();
}

StoredCookie JarPane::selectedCookie() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_model->cookie(m_proxy->mapToSource(index).row()) : StoredCookie();
}

void JarPane::selectCookie(const QByteArray &name)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->cookie(row).name == name) {
            m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
            return;
        }
    }
}

void JarPane::showDecoded()
{
    const StoredCookie cookie = selectedCookie();
    if (cookie.name.isEmpty() && cookie.value.isEmpty()) {
        m_decoded->clear();
        return;
    }
    QString html = QStringLiteral("<p><b>%1</b> = <code>%2</code></p>")
                       .arg(QString::fromUtf8(cookie.name).toHtmlEscaped(), QString::fromUtf8(cookie.value).toHtmlEscaped());
    const QList<DecodedValue> decoded = ValueDecoder::decode(cookie.value);
    if (decoded.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No encoding recognised (URL, base64, hex, JSON, JWT)."));
    for (const DecodedValue &d : decoded) {
        QByteArray text = d.bytes;
        if (d.kind == DecodedValue::Kind::Jwt) {
            text = "header: " + QJsonDocument(d.jwtHeader).toJson(QJsonDocument::Compact)
                + "\npayload: " + QJsonDocument(d.jwtPayload).toJson(QJsonDocument::Indented);
            if (const auto exp = d.jwtExpiry())
                text += "\nexp: " + QDateTime::fromMSecsSinceEpoch(*exp).toString(Qt::ISODate).toUtf8();
            if (d.jwtUnsigned)
                text += "\nUNSIGNED: anyone can forge this token";
        }
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                    .arg(QString::fromLatin1(DecodedValue::kindName(d.kind)), QString::fromUtf8(text).toHtmlEscaped());
    }
    m_decoded->setHtml(html);
}

void JarPane::addCookie()
{
    StoredCookie fresh;
    fresh.domain = m_request ? HostName::canonicalHost(m_request->url) : QByteArrayLiteral("127.0.0.1");
    fresh.path = "/";
    CookieEditDialog dialog(fresh, m_jar->now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    StoredCookie cookie = dialog.cookie();
    cookie.creation = cookie.lastAccess = m_jar->now();
    m_jar->insert(cookie);
}

void JarPane::editSelected()
{
    const StoredCookie original = selectedCookie();
    if (original.name.isEmpty() && original.value.isEmpty())
        return;
    CookieEditDialog dialog(original, m_jar->now(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StoredCookie edited = dialog.cookie();
    if (!edited.sameIdentity(original))
        m_jar->remove(original);
    m_jar->insert(edited);
}

void JarPane::deleteSelected()
{
    const StoredCookie cookie = selectedCookie();
    if (!cookie.domain.isEmpty())
        m_jar->remove(cookie);
}

void JarPane::deleteHostOfSelected()
{
    const StoredCookie cookie = selectedCookie();
    if (!cookie.domain.isEmpty())
        m_jar->removeHost(cookie.domain);
}

void JarPane::clearSessionCookies()
{
    m_jar->removeSessionCookies();
}

QByteArray JarPane::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void JarPane::restoreState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}

} // namespace CookieLab
