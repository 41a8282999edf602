// SPDX-License-Identifier: MIT
#pragma once

#include "ui/requestpane.h"

#include <QFont>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QSplitter;
class QTabWidget;

namespace CookieLab
{

class CookieJar;
class ExchangeDetailPane;
class ExchangeListModel;
class ExchangeListPane;
class ExchangeLog;
class JarPane;
class LessonProgress;
class LessonsPane;
class RouteCookiePolicy;
class ServerPane;
class SetCookieBuilderPane;
class VulnerabilitySwitches;

/** The inspector window: composes the panes, wires their selections, keeps menus, status bar and saved layout. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /** The core objects the window shows; they outlive it. */
    struct Backend
    {
        ExchangeLog *log = nullptr;
        CookieJar *jar = nullptr;
        RouteCookiePolicy *policy = nullptr;
        VulnerabilitySwitches *switches = nullptr;
        LessonProgress *lessons = nullptr;
        QList<RequestPane::Route> routes;
    };

    explicit MainWindow(const Backend &backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    RequestPane *requestPane() const { return m_request; }
    ExchangeListPane *exchangeListPane() const { return m_exchanges; }
    ExchangeDetailPane *exchangeDetailPane() const { return m_detail; }
    JarPane *jarPane() const { return m_jar; }
    ServerPane *serverPane() const { return m_server; }
    SetCookieBuilderPane *builderPane() const { return m_builder; }
    LessonsPane *lessonsPane() const { return m_lessons; }
    /** Large fonts and only the panes a room needs to see. */
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }
    ExchangeListModel *exchangeModel() const { return m_exchangeModel; }

    /** Shows the session's file name in the title; empty: an unsaved session. */
    void setSessionName(const QString &name);

Q_SIGNALS:
    void openRequested(); ///< File > Open…: the listener asks for a file
    void filesDropped(const QStringList &paths);
    void importClipboardRequested();
    void exportRequested();
    void saveSessionRequested();
    void saveSessionAsRequested();
    void reportRequested();
    void resetExerciseRequested();

public Q_SLOTS:
    void setServerState(bool listening, const QUrl &url, const QString &error, const QList<QUrl> &networkUrls = {});
    void showMessage(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void updateStatus();
    void restoreLayout();
    void saveLayout() const;

    Backend m_backend;
    ExchangeListModel *m_exchangeModel;
    RequestPane *m_request;
    ExchangeListPane *m_exchanges;
    ExchangeDetailPane *m_detail;
    JarPane *m_jar;
    ServerPane *m_server;
    SetCookieBuilderPane *m_builder;
    LessonsPane *m_lessons;
    QTabWidget *m_rightTabs = nullptr;
    bool m_presenter = false;
    QFont m_normalFont;
    QSplitter *m_centre;
    QDockWidget *m_requestDock = nullptr;
    QDockWidget *m_rightDock = nullptr;
    bool m_firstLayout = false;
    QLabel *m_serverLabel;
    QLabel *m_countLabel;
    QLabel *m_jarLabel;
};

} // namespace CookieLab
