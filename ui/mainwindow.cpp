// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include <QLabel>

namespace CookieLab
{

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("CookieLab"));
    setCentralWidget(new QLabel(QStringLiteral("CookieLab"), this));
}

MainWindow::~MainWindow() = default;

} // namespace CookieLab
