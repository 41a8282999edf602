// SPDX-License-Identifier: MIT
#pragma once

#include "core/lesson.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTextBrowser;
class QVBoxLayout;

namespace CookieLab
{

class LessonModel;
class LessonProgress;

/** The lessons: pick one, read it, do its steps (each turns green when its check passes), answer the quiz. */
class LessonsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonsPane)

public:
    explicit LessonsPane(LessonProgress *progress, QWidget *parent = nullptr);
    ~LessonsPane() override;

    int currentLesson() const { return m_lesson; }
    void showLesson(int lesson);
    int currentStep() const;
    void selectStep(int step);
    /** Sends the selected step's request (or opens its page). */
    void doCurrentStep();
    QListWidget *stepList() const { return m_steps; }

Q_SIGNALS:
    void sendRequested(const CookieLab::LessonRequest &request);
    void openRequested(const QByteArray &path);

private:
    void refresh(int lesson);
    void rebuildQuiz();
    void updateButtons();

    LessonProgress *m_progress;
    LessonModel *m_model;
    QTableView *m_list;
    QTextBrowser *m_text;
    QListWidget *m_steps;
    QPushButton *m_doStep;
    QLabel *m_progressLabel;
    QWidget *m_quiz;
    QVBoxLayout *m_quizLayout;
    int m_lesson = -1;
};

} // namespace CookieLab
