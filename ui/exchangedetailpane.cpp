// SPDX-License-Identifier: MIT
#include "ui/exchangedetailpane.h"

#include "core/findingsmodel.h"
#include "core/requestcookies.h"
#include "core/setcookiemodel.h"
#include "core/setcookieparser.h"
#include "ui/severityiconproxy.h"
#include "ui/themecolours.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace CookieLab
{

namespace
{

QString escaped(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

QString headerTable(const HeaderList &headers, bool highlightSetCookie)
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const auto &[name, value] : headers) {
        QString shown = escaped(value);
        if (highlightSetCookie && name.compare("set-cookie", Qt::CaseInsensitive) == 0)
            shown = ExchangeDetailPane::highlightedSetCookie(SetCookieParser::parse(value, 0));
        html += QStringLiteral("<tr><td valign='top'><b>%1:</b></td><td><code>%2</code></td></tr>").arg(escaped(name), shown);
    }
    return html + QStringLiteral("</table>");
}

QString bodyBlock(const QByteArray &body, qsizetype fullSize)
{
    if (body.isEmpty())
        return QStringLiteral("<p><i>%1</i></p>").arg(QObject::tr("(no body)"));
    QByteArray shown = body;
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (!json.isNull())
        shown = json.toJson(QJsonDocument::Indented);
    QString html = QStringLiteral("<pre>%1</pre>").arg(escaped(shown));
    if (fullSize > body.size())
        html += QStringLiteral("<p><i>%1</i></p>").arg(QObject::tr("Truncated: %1 of %2 bytes shown.").arg(body.size()).arg(fullSize));
    return html;
}

} // namespace

QString ExchangeDetailPane::highlightedSetCookie(const SetCookie &cookie)
{
    using Kind = SetCookieAttribute::Kind;
    // Two tints per attribute kind: the darker reads on a light base, the lighter on a dark one.
    const auto tint = &ThemeColours::pick;
    const QLatin1String valueColour = tint("#c0392b", "#f1948a");
    const QLatin1String ignoredColour = tint("#7f8c8d", "#aab7b8");
    const auto colour = [&](Kind kind) {
        switch (kind) {
        case Kind::Expires:
        case Kind::MaxAge: return tint("#8e44ad", "#d2b4de");
        case Kind::Domain:
        case Kind::Path: return tint("#2471a3", "#85c1e9");
        case Kind::Secure:
        case Kind::HttpOnly:
        case Kind::Partitioned: return tint("#1e8449", "#82e0aa");
        case Kind::SameSite: return tint("#b9770e", "#f8c471");
        case Kind::Unknown: return ignoredColour;
        }
        return ignoredColour;
    };
    QString html = QStringLiteral("<b>%1</b>=<span style='color:%2'>%3</span>")
                       .arg(escaped(cookie.text(cookie.nameSpan)), valueColour, escaped(cookie.text(cookie.valueSpan)));
    for (const SetCookieAttribute &a : cookie.attributes) {
        const QString text = escaped(cookie.text(a.span));
        html += QStringLiteral("; ");
        if (a.effective || a.kind == Kind::Unknown)
            html += QStringLiteral("<span style='color:%1'>%2</span>").arg(colour(a.kind), text);
        else // ignored (invalid, too long or overridden by a later one)
            html += QStringLiteral("<s style='color:%1' title='ignored'>%2</s>").arg(ignoredColour, text);
    }
    return html;
}

ExchangeDetailPane::ExchangeDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_request(new QTextBrowser(this))
    , m_response(new QTextBrowser(this))
    , m_cookies(new SetCookieModel(this))
    , m_cookiesView(new QTableView(this))
    , m_findings(new FindingsModel(this))
    , m_findingsView(new QTableView(this))
    , m_findingDetail(new QTextBrowser(this))
{
    m_request->setAccessibleName(tr("Request"));
    m_response->setAccessibleName(tr("Response"));
    m_cookiesView->setModel(m_cookies);
    m_cookiesView->setAccessibleName(tr("Set-Cookie lines"));
    m_cookiesView->verticalHeader()->hide();
    m_cookiesView->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *icons = new SeverityIconProxy(FindingsModel::SeverityColumn, FindingsModel::SeverityRole, this);
    icons->setSourceModel(m_findings);
    m_findingsView->setModel(icons);
    m_findingsView->setAccessibleName(tr("Findings"));
    m_findingsView->verticalHeader()->hide();
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingsView->horizontalHeader()->setStretchLastSection(true);
    m_findingDetail->setOpenExternalLinks(true);
    m_findingDetail->setAccessibleName(tr("Finding explanation"));
    connect(m_findingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ExchangeDetailPane::showFinding);

    auto *findings = new QSplitter(Qt::Vertical, this);
    findings->addWidget(m_findingsView);
    findings->addWidget(m_findingDetail);

    m_tabs->addTab(m_request, tr("Request"));
    m_tabs->addTab(m_response, tr("Response"));
    m_tabs->addTab(m_cookiesView, tr("Cookies"));
    m_tabs->addTab(findings, tr("Findings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

ExchangeDetailPane::~ExchangeDetailPane() = default;

void ExchangeDetailPane::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void ExchangeDetailPane::setExchange(const HttpExchangePtr &exchange)
{
    m_exchange = exchange;
    if (!exchange) {
        m_request->clear();
        m_response->clear();
        m_cookies->setCookies({}, {});
        m_findings->setFindings({});
        m_findingDetail->clear();
        return;
    }
    const HttpExchange &e = *exchange;
    QString request = QStringLiteral("<p><b>%1 %2</b><br/>%3 %4</p>")
                          .arg(escaped(e.method), escaped(e.url.toEncoded()), tr("from"), e.clientAddress.toHtmlEscaped());
    request += headerTable(e.requestHeaders, false);
    const RequestCookies cookies = RequestCookies::parse(e.requestCookieHeaders());
    if (!cookies.isEmpty()) {
        request += QStringLiteral("<h4>%1</h4><table border='1' cellspacing='0' cellpadding='3'><tr><th>%2</th><th>%3</th></tr>")
                       .arg(tr("Cookie header, pair by pair"), tr("Name"), tr("Value"));
        for (const CookiePair &pair : cookies.pairs())
            request
                += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td></tr>").arg(escaped(pair.name), escaped(pair.value));
        request += QStringLiteral("</table>");
    }
    request += QStringLiteral("<h4>%1</h4>").arg(tr("Body")) + bodyBlock(e.requestBody, e.requestBodySize);
    if (!e.note.isEmpty())
        request += QStringLiteral("<p><i>%1</i></p>").arg(e.note.toHtmlEscaped());
    m_request->setHtml(request);

    QString response = QStringLiteral("<p><b>%1</b> — %2 ms</p>").arg(e.status).arg(double(e.durationUsecs) / 1000.0, 0, 'f', 1);
    response += headerTable(e.responseHeaders, true);
    response += QStringLiteral("<h4>%1</h4>").arg(tr("Body")) + bodyBlock(e.responseBody, e.responseBodySize);
    m_response->setHtml(response);

    m_cookies->setCookies(e.setCookies(), e.path());
    m_cookiesView->resizeColumnsToContents();
    m_findings->setFindings(e.findings);
    m_findingsView->resizeColumnsToContents();
    m_findingDetail->clear();
    if (m_findings->rowCount() > 0)
        m_findingsView->setCurrentIndex(m_findingsView->model()->index(0, 0));
}

void ExchangeDetailPane::showFinding(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_findingDetail->clear();
        return;
    }
    const Finding &f = m_findings->findings().at(index.row());
    QString html = QStringLiteral("<h3>%1 — %2</h3><p>%3</p><p><b>%4</b> %5</p>")
                       .arg(QString::fromLatin1(f.ruleId()), f.title().toHtmlEscaped(), f.explanation().toHtmlEscaped(), tr("Fix:"),
                           QString::fromUtf8(RuleCatalog::info(f.rule).advice).toHtmlEscaped());
    const QByteArray fixed = f.fixedHeader();
    if (!fixed.isEmpty())
        html += QStringLiteral("<p><code>Set-Cookie: %1</code></p>").arg(escaped(fixed));
    html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("References"));
    for (const QString &reference : f.references()) {
        const QString link = reference.startsWith(QLatin1String("RFC 6265bis"))
            ? QStringLiteral("<a href='https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/'>%1</a>")
                  .arg(reference.toHtmlEscaped())
            : reference.startsWith(QLatin1String("OWASP Session"))
            ? QStringLiteral("<a href='https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html'>%1</a>")
                  .arg(reference.toHtmlEscaped())
            : reference.toHtmlEscaped();
        html += QStringLiteral("<li>%1</li>").arg(link);
    }
    m_findingDetail->setHtml(html + QStringLiteral("</ul>"));
}

} // namespace CookieLab
