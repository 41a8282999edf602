// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieformat.h"
#include "core/importresult.h"
#include "core/workshopsession.h"

#include <QLockFile>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace CookieLab
{

class CookieJar;
class LabServer;
class LessonProgress;
class MainWindow;

/**
 * Files of the desktop app: opening and importing (in the background, with progress and cancel),
 * exporting, and the workshop session — saved on request, autosaved atomically when something
 * changed, and offered back after a crash.
 */
class WorkshopFiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkshopFiles)

public:
    enum class IssuePolicy
    {
        Ask, ///< list the problems and let the user keep the valid part or cancel
        KeepValid,
        Reject,
    };

    static constexpr int DefaultAutosaveMsecs = 30000;

    WorkshopFiles(LabServer &lab, CookieJar &jar, LessonProgress &lessons, MainWindow &window, QObject *parent = nullptr);
    ~WorkshopFiles() override;

    /** Where autosaves go when no session file is named: the recovery file in the app's data folder. */
    static QString recoveryPath();

    /**
     * Takes the session file to work on (empty: the recovery file), loads it when it exists and
     * starts autosaving every autosaveMsecs. False with error when the file exists but cannot be read.
     */
    bool start(const QString &sessionPath, int autosaveMsecs, QString *error);
    QString sessionPath() const { return m_sessionPath; }
    /** The recovery file of a run that ended without quitting (killed, crashed), or empty. */
    QString crashedSession() const { return m_crashedSession; }
    /** Asks whether to restore the crashed run's session, and restores it. */
    void offerCrashRecovery();

    WorkshopSession snapshot() const;
    /** Replaces the log, the jar and the route settings; blocks until the exchanges are analysed and logged. */
    void restore(const WorkshopSession &session);
    bool saveSession(const QString &path, QString *error);
    /** Writes the session now if anything changed since the last save (on quit and by the timer). */
    void autosave();

    /** Opens a session or imports any other format, in the background; importFinished tells the outcome. */
    void open(const QString &path, IssuePolicy policy = IssuePolicy::Ask);
    /** Imports pasted text (format detected; Cookie header and Set-Cookie lines belong to the server's site). */
    void importText(const QByteArray &text, IssuePolicy policy = IssuePolicy::Ask);
    bool exportTo(const QString &path, CookieFormat format, bool redact, QString *error);
    /** The session report: PDF when path ends in .pdf (Qt's own PDF writer), HTML otherwise. */
    bool saveReport(const QString &path, QString *error);
    bool isImporting() const { return bool(m_import); }
    void cancelImport();

    void chooseAndOpen();
    void chooseAndExport();
    void chooseAndSaveAs();
    void chooseAndSaveReport();

Q_SIGNALS:
    /** An import ended: what it added, or why nothing was added (error), or that it was cancelled. */
    void importFinished(int exchanges, int cookies, const QString &error);
    void autosaved(const QString &path);

private:
    struct PendingImport;

    void startImport(std::shared_ptr<PendingImport> pending);
    void finishImport();
    void apply(ImportResult &result, CookieFormat format, const QString &sourceName);
    void markDirty() { m_dirty = true; }
    void writeInBackground(const QString &path);
    /** Asks for a file name and saves there; a failure is shown with its reason. */
    void saveAs(const QString &title, const QString &suggestedName, const QString &filter,
        const std::function<bool(const QString &, QString *)> &save);

    LabServer &m_lab;
    CookieJar &m_jar;
    LessonProgress &m_lessons;
    MainWindow &m_window;
    QString m_sessionPath;
    QString m_crashedSession;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_autosaveTimer;
    QTimer m_progressTimer;
    bool m_dirty = false;
    bool m_restoring = false;
    std::shared_ptr<PendingImport> m_import;
    QThreadPool m_writer; ///< one thread: saves never overlap
};

} // namespace CookieLab
