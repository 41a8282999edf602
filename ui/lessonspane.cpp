// SPDX-License-Identifier: MIT
#include "ui/lessonspane.h"

#include "core/lessonmodel.h"
#include "core/lessonprogress.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace CookieLab
{

LessonsPane::LessonsPane(LessonProgress *progress, QWidget *parent)
    : QWidget(parent)
    , m_progress(progress)
    , m_model(new LessonModel(progress, this))
    , m_list(new QTableView(this))
    , m_text(new QTextBrowser(this))
    , m_steps(new QListWidget(this))
    , m_doStep(new QPushButton(tr("&Do this step"), this))
    , m_progressLabel(new QLabel(this))
    , m_quiz(new QWidget(this))
    , m_quizLayout(new QVBoxLayout(m_quiz))
{
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(LessonModel::TitleColumn, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(LessonModel::ProgressColumn, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Lessons"));
    // Enough rows to pick a lesson without scrolling through a two-line strip.
    constexpr int visibleLessons = 6;
    m_list->setMinimumHeight(m_list->horizontalHeader()->sizeHint().height()
        + visibleLessons * m_list->verticalHeader()->defaultSectionSize() + 2 * m_list->frameWidth());
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("Lesson explanation"));
    m_steps->setWordWrap(true);
    m_steps->setAccessibleName(tr("Lesson steps"));
    m_doStep->setToolTip(tr("Send this step's request from the app, or open its page in the browser (Ctrl+D)"));
    m_doStep->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_text, 2);
    detailLayout->addWidget(new QLabel(tr("Steps — each turns green when CookieLab sees it happen:"), this));
    detailLayout->addWidget(m_steps, 2);
    auto *row = new QHBoxLayout;
    row->addWidget(m_doStep);
    row->addStretch();
    row->addWidget(m_progressLabel);
    detailLayout->addLayout(row);
    auto *quizScroll = new QScrollArea(this);
    quizScroll->setWidget(m_quiz);
    quizScroll->setWidgetResizable(true);
    detailLayout->addWidget(quizScroll, 3);

    // Stacked, not side by side: the pane shares a dock with the jar and must stay narrow.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    m_text->setMinimumWidth(120);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            showLesson(current.row());
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, &LessonsPane::updateButtons);
    connect(m_doStep, &QPushButton::clicked, this, &LessonsPane::doCurrentStep);
    connect(progress, &LessonProgress::changed, this, &LessonsPane::refresh);
    if (m_model->rowCount() > 0)
        m_list->selectRow(0);
}

LessonsPane::~LessonsPane() = default;

void LessonsPane::showLesson(int lesson)
{
    if (lesson < 0 || lesson >= m_progress->lessons().size())
        return;
    m_lesson = lesson;
    if (m_list->currentIndex().row() != lesson)
        m_list->selectRow(lesson);
    const Lesson &l = m_progress->lessons().at(lesson);
    QString html = QStringLiteral("<h2>%1</h2>").arg(l.title.toHtmlEscaped());
    if (!l.section.isEmpty())
        html += tr("<p><i>Documentation section: %1</i></p>").arg(l.section.toHtmlEscaped());
    html += l.explanation;
    m_text->setHtml(html);
    m_steps->clear();
    for (int s = 0; s < l.steps.size(); ++s)
        m_steps->addItem(QStringLiteral("%1. %2").arg(s + 1).arg(l.steps.at(s).text));
    rebuildQuiz();
    refresh(lesson);
    selectStep(0);
}

int LessonsPane::currentStep() const
{
    return m_steps->currentRow();
}

void LessonsPane::selectStep(int step)
{
    m_steps->setCurrentRow(step);
    updateButtons();
}

void LessonsPane::doCurrentStep()
{
    if (m_lesson < 0 || currentStep() < 0)
        return;
    const LessonStep &step = m_progress->lessons().at(m_lesson).steps.at(currentStep());
    if (step.request)
        Q_EMIT sendRequested(*step.request);
    else if (!step.browserPath.isEmpty())
        Q_EMIT openRequested(step.browserPath);
}

void LessonsPane::refresh(int lesson)
{
    if (lesson != m_lesson)
        return;
    const Lesson &l = m_progress->lessons().at(lesson);
    static const QIcon done(QStringLiteral(":/resources/icons/step-done.svg"));
    static const QIcon open(QStringLiteral(":/resources/icons/step-open.svg"));
    for (int s = 0; s < m_steps->count() && s < l.steps.size(); ++s) {
        QListWidgetItem *item = m_steps->item(s);
        const bool passed = m_progress->stepPassed(lesson, s);
        item->setIcon(passed ? done : open);
        item->setData(Qt::AccessibleDescriptionRole, passed ? tr("done") : tr("not done yet"));
        item->setData(Qt::UserRole, passed);
    }
    m_progressLabel->setText(tr("%1 of %2 done").arg(m_progress->doneCount(lesson)).arg(m_progress->totalCount(lesson)));
}

void LessonsPane::rebuildQuiz()
{
    while (QLayoutItem *item = m_quizLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const Lesson &l = m_progress->lessons().at(m_lesson);
    for (int q = 0; q < l.quiz.size(); ++q) {
        const QuizQuestion &question = l.quiz.at(q);
        // The question wraps in a label: a group box title would not, and would widen the pane.
        auto *box = new QGroupBox(m_quiz);
        auto *boxLayout = new QVBoxLayout(box);
        auto *questionLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(question.question.toHtmlEscaped()), box);
        questionLabel->setWordWrap(true);
        boxLayout->addWidget(questionLabel);
        auto *group = new QButtonGroup(box);
        auto *feedback = new QLabel(box);
        feedback->setWordWrap(true);
        for (int o = 0; o < question.options.size(); ++o) {
            auto *option = new QRadioButton(question.options.at(o), box);
            option->setToolTip(question.options.at(o));
            option->setChecked(m_progress->answer(m_lesson, q) == o);
            group->addButton(option, o);
            boxLayout->addWidget(option);
        }
        boxLayout->addWidget(feedback);
        const auto explain = [feedback, question](int chosen) {
            if (chosen < 0)
                return;
            feedback->setText(
                (chosen == question.answer ? tr("<b>Right.</b> %1") : tr("<b>Not quite.</b> %1")).arg(question.why.toHtmlEscaped()));
        };
        explain(m_progress->answer(m_lesson, q));
        connect(group, &QButtonGroup::idClicked, this, [this, q, explain](int option) {
            m_progress->answerQuiz(m_lesson, q, option);
            explain(option);
        });
        m_quizLayout->addWidget(box);
    }
    m_quizLayout->addStretch();
}

void LessonsPane::updateButtons()
{
    const int step = currentStep();
    if (m_lesson < 0 || step < 0) {
        m_doStep->setEnabled(false);
        return;
    }
    const LessonStep &s = m_progress->lessons().at(m_lesson).steps.at(step);
    m_doStep->setEnabled(s.request || !s.browserPath.isEmpty());
    m_doStep->setText(s.request        ? tr("&Send this step's request")
            : !s.browserPath.isEmpty() ? tr("&Open in the browser")
                                       : tr("&Do this step"));
}

} // namespace CookieLab
