// SPDX-License-Identifier: MIT
#include "ui/themecolours.h"

#include <QGuiApplication>
#include <QLabel>
#include <QPalette>

namespace CookieLab
{

bool ThemeColours::darkBase()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QLatin1String ThemeColours::pick(const char *onLight, const char *onDark)
{
    return QLatin1String(darkBase() ? onDark : onLight);
}

void ThemeColours::markAsProblem(QLabel *label)
{
    label->setStyleSheet(QStringLiteral("color: %1").arg(pick("#c0392b", "#f1948a")));
}

} // namespace CookieLab
