// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookiejar.h"
#include "core/httpexchange.h"
#include "core/importresult.h"
#include "core/outgoingrequest.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace CookieLab
{

class LabClient;
class LabServer;
class MainWindow;
class WorkshopFiles;
class LessonProgress;

/**
 * The desktop app: the embedded server on its own thread (a busy server never freezes the
 * window), the client with its core jar, and the window, wired together.
 */
class Workbench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workbench)

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8000;
        QString usersFile;
        QStringList lessonFolders; ///< instructors' lessons, after the built-in ones
        QString tlsCertificate; ///< PEM; with tlsKey the server speaks HTTPS
        QString tlsKey;
    };

    /** Fails (nullptr, error set) only when the users file is unusable; a busy port is shown in the window. */
    static std::unique_ptr<Workbench> create(const Options &options, QString *error);
    ~Workbench() override;

    MainWindow &window() { return *m_window; }
    LabServer &lab() { return *m_lab; }
    CookieJar &jar() { return m_jar; }
    LabClient &client() { return *m_client; }
    WorkshopFiles &files() { return *m_files; }
    LessonProgress &lessons() { return *m_lessons; }
    /** Lesson files that could not be read ("FILE:LINE: reason"); they were skipped. */
    const QList<ImportIssue> &lessonIssues() const { return m_lessonIssues; }
    /** Ends every server session and empties the jar and the log. */
    void resetExercise();

    /** Starts (or restarts) the server; an empty string on success. */
    QString startServer(const QHostAddress &address, quint16 port);
    void stopServer();
    /** Sends a request from the app's client; the resulting exchange is selected once recorded. */
    void send(const OutgoingRequest &request);
    /** login → protected → multi-cookie, then saves a picture of the window to path and calls done. */
    void runScreenshotDemo(const QString &path, std::function<void(bool)> done);

private:
    explicit Workbench(const Options &options);
    void onExchangesRecorded(const QList<HttpExchangePtr> &batch);

    Options m_options;
    CookieJar m_jar;
    std::unique_ptr<LabServer> m_lab;
    std::unique_ptr<LabClient> m_client;
    std::unique_ptr<LessonProgress> m_lessons;
    QList<ImportIssue> m_lessonIssues;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WorkshopFiles> m_files; ///< saves on destruction: destroyed before everything it saves
    QThread m_serverThread;
    /** The request whose exchange gets selected once the server has recorded it. */
    std::optional<QPair<QByteArray, QByteArray>> m_pendingSelection; ///< method, path
};

} // namespace CookieLab
