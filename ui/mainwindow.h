// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

namespace CookieLab
{

/** The inspector window: composes the panes and wires them together. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace CookieLab
