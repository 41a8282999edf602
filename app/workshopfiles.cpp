// SPDX-License-Identifier: MIT
#include "app/workshopfiles.h"

#include "app/labserver.h"
#include "core/cookieexporter.h"
#include "core/cookieimporter.h"
#include "core/cookiejar.h"
#include "core/exchangelog.h"
#include "core/inputfile.h"
#include "core/lessonprogress.h"
#include "core/sessionfile.h"
#include "core/sessionreport.h"
#include "core/valueredactor.h"
#include "ui/exportdialog.h"
#include "ui/mainwindow.h"
#include "ui/requestpane.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QThread>

#include <atomic>
#include <csignal>

namespace CookieLab
{

struct WorkshopFiles::PendingImport
{
    QString path; ///< empty when importing text
    QByteArray text;
    QString sourceName;
    IssuePolicy policy = IssuePolicy::Ask;
    CookieImporter::Options options;
    std::atomic<int> permille{0};
    std::atomic<bool> cancel{false};
    CookieFormat format = CookieFormat::Unknown;
    ImportResult result;
    WorkshopSession session; ///< when a session file was opened
    QString error; ///< the file could not be read at all
    QThread *thread = nullptr;
    QProgressDialog *progress = nullptr;

    /** Runs on the import thread: fills format and then result, session or error. */
    void read();
};

void WorkshopFiles::PendingImport::read()
{
    InputFile file;
    QByteArrayView data = text;
    if (!path.isEmpty()) {
        if (!file.open(path)) {
            error = file.error();
            return;
        }
        data = file.data();
    }
    format = CookieFormats::detect(data.first(qMin<qsizetype>(data.size(), 65536)), path);
    if (format == CookieFormat::Session) {
        if (!SessionFile::read(data, session, &error))
            error = sourceName + QStringLiteral(": ") + error;
        return;
    }
    if (!CookieFormats::canImport(format)) {
        error = QCoreApplication::translate("WorkshopFiles", "%1: not a format CookieLab can open").arg(sourceName);
        return;
    }
    CookieImporter::Options readOptions = options;
    readOptions.progress = [this, &file](qint64 done, qint64 total) {
        file.release(done); // pages already read go back: a 200 MB HAR does not stay in memory twice
        return options.progress(done, total);
    };
    result = CookieImporter::read(data, format, readOptions);
}

namespace
{

bool processIsAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

QString issueList(const QList<ImportIssue> &issues)
{
    QStringList lines;
    for (qsizetype i = 0; i < issues.size() && i < 200; ++i)
        lines.append(issues.at(i).toString());
    if (issues.size() > 200)
        lines.append(QCoreApplication::translate("WorkshopFiles", "… and %1 more").arg(issues.size() - 200));
    return lines.join(QLatin1Char('\n'));
}

// QSaveFile writes to "<file>.XXXXXX" and renames it over <file>; a killed writer leaves that behind.
void removeInterruptedWrites(const QString &target)
{
    const QFileInfo info(target);
    const QRegularExpression temporary(QStringLiteral("^%1\\.[A-Za-z0-9]{6}$").arg(QRegularExpression::escape(info.fileName())));
    QDir dir = info.absoluteDir();
    for (const QString &name : dir.entryList({info.fileName() + QStringLiteral(".*")}, QDir::Files | QDir::Hidden)) {
        if (temporary.match(name).hasMatch())
            dir.remove(name);
    }
}

} // namespace

WorkshopFiles::WorkshopFiles(LabServer &lab, CookieJar &jar, LessonProgress &lessons, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_jar(jar)
    , m_lessons(lessons)
    , m_window(window)
{
    m_writer.setMaxThreadCount(1);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_import && m_import->progress)
            m_import->progress->setValue(m_import->permille.load());
    });
    connect(&m_autosaveTimer, &QTimer::timeout, this, &WorkshopFiles::autosave);
    connect(&lab.log(), &ExchangeLog::exchangesRecorded, this, &WorkshopFiles::markDirty);
    connect(&lab.log(), &ExchangeLog::cleared, this, &WorkshopFiles::markDirty);
    connect(&jar, &CookieJar::changed, this, &WorkshopFiles::markDirty);
    connect(&lab.policy(), &RouteCookiePolicy::changed, this, &WorkshopFiles::markDirty);
    connect(&lab.switches(), &VulnerabilitySwitches::changed, this, &WorkshopFiles::markDirty);
    connect(&lessons, &LessonProgress::changed, this, &WorkshopFiles::markDirty);

    connect(&window, &MainWindow::openRequested, this, &WorkshopFiles::chooseAndOpen);
    connect(&window, &MainWindow::filesDropped, this, [this](const QStringList &paths) {
        for (const QString &path : paths)
            open(path);
    });
    connect(&window, &MainWindow::importClipboardRequested, this, [this] { importText(QGuiApplication::clipboard()->text().toUtf8()); });
    connect(&window, &MainWindow::exportRequested, this, &WorkshopFiles::chooseAndExport);
    connect(&window, &MainWindow::saveSessionRequested, this, [this] {
        QString error;
        if (m_sessionPath.isEmpty())
            chooseAndSaveAs();
        else if (!saveSession(m_sessionPath, &error))
            QMessageBox::warning(&m_window, tr("Save session"), error);
    });
    connect(&window, &MainWindow::saveSessionAsRequested, this, &WorkshopFiles::chooseAndSaveAs);
    connect(&window, &MainWindow::reportRequested, this, &WorkshopFiles::chooseAndSaveReport);
}

WorkshopFiles::~WorkshopFiles()
{
    if (m_import) {
        m_import->cancel = true;
        m_import->thread->wait();
        delete m_import->thread;
    }
    m_writer.waitForDone();
    if (m_lock) {
        m_dirty = m_dirty || !m_lab.log().entries().isEmpty();
        autosave(); // on quit
        m_writer.waitForDone();
    }
}

QString WorkshopFiles::recoveryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/autosave.cookielab");
}

bool WorkshopFiles::start(const QString &sessionPath, int autosaveMsecs, QString *error)
{
    const QString target = sessionPath.isEmpty() ? recoveryPath() : QFileInfo(sessionPath).absoluteFilePath();
    QDir().mkpath(QFileInfo(target).absolutePath());
    m_lock = std::make_unique<QLockFile>(target + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone
    qint64 pid = 0;
    QString host, application;
    const bool crashed = m_lock->getLockInfo(&pid, &host, &application) && !processIsAlive(pid);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        if (!sessionPath.isEmpty()) { // two windows on one session file would overwrite each other's work
            *error = tr("%1 is open in another CookieLab (process %2)").arg(target).arg(pid);
            return false;
        }
        m_window.showMessage(tr("Another CookieLab is running: this window does not autosave."));
        return true;
    }
    removeInterruptedWrites(target);
    if (sessionPath.isEmpty()) {
        if (crashed && QFileInfo::exists(target))
            m_crashedSession = target;
    } else {
        m_sessionPath = target;
        m_window.setSessionName(QFileInfo(target).fileName());
        if (QFileInfo::exists(target)) {
            WorkshopSession session;
            if (!SessionFile::load(target, session, error)) {
                m_lock.reset();
                return false;
            }
            restore(session);
        }
    }
    m_autosaveTimer.start(autosaveMsecs);
    return true;
}

void WorkshopFiles::offerCrashRecovery()
{
    if (m_crashedSession.isEmpty())
        return;
    const QString path = std::exchange(m_crashedSession, QString());
    QMessageBox box(QMessageBox::Question, tr("Restore the last session?"),
        tr("CookieLab did not close properly last time. Its session was autosaved at %1.")
            .arg(QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat)),
        QMessageBox::NoButton, &m_window);
    QPushButton *restoreButton = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Start &empty"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != restoreButton)
        return;
    WorkshopSession session;
    QString error;
    if (!SessionFile::load(path, session, &error)) {
        QMessageBox::warning(&m_window, tr("Restore the last session"), error);
        return;
    }
    restore(session);
    m_window.showMessage(tr("Restored %1 exchanges and %2 cookies.").arg(session.exchanges.size()).arg(session.jar.size()));
}

WorkshopSession WorkshopFiles::snapshot() const
{
    WorkshopSession session;
    session.exchanges = m_lab.log().entries();
    session.jar = m_jar.cookies();
    session.routeCookies = m_lab.policy().cookies();
    session.vulnerabilities = m_lab.switches().toJson();
    session.lessonProgress = m_lessons.toJson();
    session.savedAt = QDateTime::currentMSecsSinceEpoch();
    return session;
}

void WorkshopFiles::restore(const WorkshopSession &session)
{
    m_lab.clearRecords();
    QString unknown;
    if (!m_lab.switches().fromJson(session.vulnerabilities, &unknown))
        m_window.showMessage(unknown);
    m_lessons.fromJson(session.lessonProgress);
    m_lab.policy().reset();
    for (const RouteCookie &cookie : session.routeCookies)
        m_lab.policy().update(cookie);
    m_jar.clear();
    for (const StoredCookie &cookie : session.jar)
        m_jar.insert(cookie);
    for (const HttpExchangePtr &exchange : session.exchanges)
        m_lab.recorder().submit(*exchange);
    m_lab.recorder().flush(); // analysed and logged before anything can save a partial session
    m_dirty = false;
}

bool WorkshopFiles::saveSession(const QString &path, QString *error)
{
    m_writer.waitForDone();
    if (!SessionFile::save(path, snapshot(), error))
        return false;
    m_dirty = false;
    if (QFileInfo(path).absoluteFilePath() != m_sessionPath) {
        m_sessionPath = QFileInfo(path).absoluteFilePath();
        m_window.setSessionName(QFileInfo(path).fileName());
    }
    m_window.showMessage(tr("Saved the session to %1.").arg(path));
    return true;
}

void WorkshopFiles::autosave()
{
    if (!m_dirty || !m_lock || m_writer.activeThreadCount() > 0)
        return;
    m_dirty = false;
    writeInBackground(m_sessionPath.isEmpty() ? recoveryPath() : m_sessionPath);
}

void WorkshopFiles::writeInBackground(const QString &path)
{
    const WorkshopSession session = snapshot(); // cheap: exchanges are shared, not copied
    m_writer.start([this, session, path] {
        QString error;
        const bool saved = SessionFile::save(path, session, &error);
        QMetaObject::invokeMethod(
            this,
            [this, saved, error, path] {
                if (saved) {
                    Q_EMIT autosaved(path);
                    return;
                }
                m_dirty = true;
                m_window.showMessage(tr("Autosave failed: %1").arg(error));
            },
            Qt::QueuedConnection);
    });
}

void WorkshopFiles::open(const QString &path, IssuePolicy policy)
{
    auto pending = std::make_shared<PendingImport>();
    pending->path = path;
    pending->sourceName = QFileInfo(path).fileName();
    pending->policy = policy;
    startImport(std::move(pending));
}

void WorkshopFiles::importText(const QByteArray &text, IssuePolicy policy)
{
    auto pending = std::make_shared<PendingImport>();
    pending->text = text;
    pending->sourceName = tr("clipboard");
    pending->policy = policy;
    startImport(std::move(pending));
}

void WorkshopFiles::cancelImport()
{
    if (m_import)
        m_import->cancel = true;
}

void WorkshopFiles::startImport(std::shared_ptr<PendingImport> pending)
{
    if (m_import) {
        m_window.showMessage(tr("An import is still running."));
        Q_EMIT importFinished(0, 0, tr("an import is still running"));
        return;
    }
    m_import = pending;
    const QUrl site = m_window.requestPane()->baseUrl();
    if (site.isValid() && !site.host().isEmpty())
        pending->options.url = site;
    PendingImport *raw = pending.get();
    pending->options.progress = [raw](qint64 done, qint64 total) {
        raw->permille = total > 0 ? int(done * 1000 / total) : 0;
        return !raw->cancel.load();
    };
    pending->thread = QThread::create(&PendingImport::read, raw);
    connect(pending->thread, &QThread::finished, this, &WorkshopFiles::finishImport);
    pending->progress = new QProgressDialog(tr("Importing %1…").arg(pending->sourceName), tr("Cancel"), 0, 1000, &m_window);
    pending->progress->setWindowModality(Qt::WindowModal);
    pending->progress->setMinimumDuration(400);
    pending->progress->setAutoReset(false);
    pending->progress->setAutoClose(false);
    connect(pending->progress, &QProgressDialog::canceled, this, [raw] { raw->cancel = true; });
    m_progressTimer.start();
    pending->thread->start();
}

void WorkshopFiles::finishImport()
{
    const std::shared_ptr<PendingImport> pending = std::exchange(m_import, nullptr);
    m_progressTimer.stop();
    pending->thread->deleteLater();
    pending->progress->deleteLater();
    const bool ask = pending->policy == IssuePolicy::Ask;
    const auto failed = [&](const QString &error) {
        m_window.showMessage(error);
        if (ask)
            QMessageBox::warning(&m_window, tr("Open"), error);
        Q_EMIT importFinished(0, 0, error);
    };
    if (!pending->error.isEmpty())
        return failed(pending->error);
    if (pending->result.cancelled || pending->cancel) {
        m_window.showMessage(tr("Import of %1 cancelled; nothing was changed.").arg(pending->sourceName));
        Q_EMIT importFinished(0, 0, tr("cancelled"));
        return;
    }
    if (pending->format == CookieFormat::Session) {
        if (ask && m_lab.log().size() > 0
            && QMessageBox::question(&m_window, tr("Open session"),
                   tr("Opening %1 replaces the exchanges, the jar and the route settings of this window.").arg(pending->sourceName))
                != QMessageBox::Yes) {
            Q_EMIT importFinished(0, 0, tr("cancelled"));
            return;
        }
        restore(pending->session);
        m_sessionPath = QFileInfo(pending->path).absoluteFilePath();
        m_window.setSessionName(pending->sourceName);
        m_window.showMessage(tr("Opened %1.").arg(pending->sourceName));
        Q_EMIT importFinished(int(pending->session.exchanges.size()), int(pending->session.jar.size()), QString());
        return;
    }
    ImportResult &result = pending->result;
    if (!result.issues.isEmpty()) {
        const QString summary
            = tr("%1 has %n problem(s); nothing has been imported yet.", nullptr, int(result.issues.size())).arg(pending->sourceName);
        if (pending->policy == IssuePolicy::Reject)
            return failed(summary + QLatin1Char(' ') + result.issues.constFirst().toString());
        if (ask) {
            QMessageBox box(QMessageBox::Warning, tr("Import"), summary, QMessageBox::NoButton, &m_window);
            box.setInformativeText(tr("First: %1").arg(result.issues.constFirst().toString()));
            box.setDetailedText(issueList(result.issues));
            QPushButton *keep = box.addButton(tr("Import the %n valid item(s)", nullptr, int(result.itemCount())), QMessageBox::AcceptRole);
            keep->setEnabled(result.itemCount() > 0);
            box.addButton(QMessageBox::Cancel);
            box.exec();
            if (box.clickedButton() != keep) {
                Q_EMIT importFinished(0, 0, summary);
                return;
            }
        }
    }
    apply(result, pending->format, pending->sourceName);
    if (ask && !result.notices.isEmpty())
        QMessageBox::information(&m_window, tr("Import"), result.notices.join(QStringLiteral("\n\n")));
}

void WorkshopFiles::apply(ImportResult &result, CookieFormat format, const QString &sourceName)
{
    if (CookieFormats::holdsExchanges(format)) {
        // Entries without a client of their own get the file's name: its traffic has a jar of its own in the analyzer.
        for (HttpExchange &exchange : result.exchanges) {
            if (exchange.clientAddress.isEmpty() || exchange.clientAddress == QLatin1String("har"))
                exchange.clientAddress = sourceName;
            exchange.source = HttpExchange::Source::Imported;
            m_lab.recorder().submit(std::move(exchange));
        }
        m_window.showMessage(tr("Imported %n exchange(s) from %1.", nullptr, int(result.exchanges.size())).arg(sourceName)
            + (result.notices.isEmpty() ? QString() : QLatin1Char(' ') + result.notices.join(QLatin1Char(' '))));
        Q_EMIT importFinished(int(result.exchanges.size()), 0, QString());
        return;
    }
    for (const StoredCookie &cookie : std::as_const(result.cookies))
        m_jar.insert(cookie);
    m_window.showMessage(tr("Imported %n cookie(s) from %1 (%2) into the jar.", nullptr, int(result.cookies.size()))
                             .arg(sourceName, CookieFormats::title(format)));
    Q_EMIT importFinished(0, int(result.cookies.size()), QString());
}

bool WorkshopFiles::exportTo(const QString &path, CookieFormat format, bool redact, QString *error)
{
    const ValueRedactor redactor;
    QByteArray data;
    QList<ImportIssue> skipped;
    if (CookieFormats::holdsExchanges(format)) {
        QList<HttpExchangePtr> exchanges = m_lab.log().entries();
        if (redact) {
            for (HttpExchangePtr &exchange : exchanges)
                exchange = std::make_shared<HttpExchange>(redactor.redact(*exchange));
        }
        data = CookieExporter::writeExchanges(format, exchanges, QCoreApplication::applicationVersion());
    } else {
        QList<StoredCookie> cookies = m_jar.cookies();
        if (redact) {
            for (StoredCookie &cookie : cookies)
                cookie = redactor.redact(cookie);
        }
        data = CookieExporter::writeCookies(format, cookies, &skipped);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_window.showMessage(skipped.isEmpty()
            ? tr("Exported to %1.").arg(path)
            : tr("Exported to %1; %n cookie(s) could not be written in this format.", nullptr, int(skipped.size())).arg(path));
    return true;
}

bool WorkshopFiles::saveReport(const QString &path, QString *error)
{
    SessionReport::Input input;
    input.exchanges = m_lab.log().entries();
    input.jar = m_jar.cookies();
    input.lessons = &m_lessons;
    input.generatedAt = QDateTime::currentMSecsSinceEpoch();
    const QString html = SessionReport::html(input);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(input.title);
        writer.setCreator(QStringLiteral("CookieLab %1").arg(QCoreApplication::applicationVersion()));
        QTextDocument document;
        document.setHtml(html);
        document.print(&writer);
    } else {
        file.write(html.toUtf8());
    }
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_window.showMessage(tr("Saved the report to %1.").arg(path));
    return true;
}

void WorkshopFiles::chooseAndSaveReport()
{
    saveAs(tr("Save report"), QStringLiteral("cookielab-report.pdf"), tr("PDF (*.pdf);;HTML (*.html)"),
        [this](const QString &path, QString *error) { return saveReport(path, error); });
}

void WorkshopFiles::saveAs(
    const QString &title, const QString &suggestedName, const QString &filter, const std::function<bool(const QString &, QString *)> &save)
{
    const QString path = QFileDialog::getSaveFileName(&m_window, title, suggestedName, filter);
    QString error;
    if (!path.isEmpty() && !save(path, &error))
        QMessageBox::warning(&m_window, title, error);
}

void WorkshopFiles::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open"), QString(),
        tr("Sessions and imports (*.cookielab *.har *.jsonl *.txt *.json);;CookieLab sessions (*.cookielab);;HAR files (*.har);;"
           "Exchange logs (*.jsonl);;cookies.txt, JSON and Set-Cookie lines (*.txt *.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void WorkshopFiles::chooseAndExport()
{
    ExportDialog dialog(&m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const CookieFormat format = dialog.format();
    const bool redact = dialog.redact();
    const QString suggested = CookieFormats::holdsExchanges(format) ? QStringLiteral("exchanges.") : QStringLiteral("cookies.");
    saveAs(tr("Export"), suggested + CookieFormats::fileSuffix(format), QString(),
        [this, format, redact](const QString &path, QString *error) { return exportTo(path, format, redact, error); });
}

void WorkshopFiles::chooseAndSaveAs()
{
    saveAs(tr("Save session"), QStringLiteral("workshop.cookielab"), tr("CookieLab sessions (*.cookielab)"),
        [this](const QString &path, QString *error) { return saveSession(path, error); });
}

} // namespace CookieLab
