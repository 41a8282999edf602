// SPDX-License-Identifier: MIT
#include "app/jarcommand.h"

#include "core/cookiejar.h"
#include "core/jarscript.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

namespace CookieLab
{

int JarCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs a cookie jar script (stdin when no --script) and prints one line per GET."));
    parser.addHelpOption();
    const QCommandLineOption scriptOption(QStringLiteral("script"), QStringLiteral("Script file to run."), QStringLiteral("FILE"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QStringLiteral("chromium (default) or rfc6265bis."), QStringLiteral("NAME"), QStringLiteral("chromium"));
    const QCommandLineOption explainOption(QStringLiteral("explain"), QStringLiteral("Print every decision to stderr."));
    const QCommandLineOption thirdPartyOption(QStringLiteral("allow-third-party"), QStringLiteral("Do not block third-party cookies."));
    parser.addOptions({scriptOption, profileOption, explainOption, thirdPartyOption});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "cookielab jar: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }

    CookieJar jar;
    const QString profile = parser.value(profileOption);
    if (profile == QLatin1String("rfc6265bis")) {
        jar.setProfile(CookieJar::Profile::Rfc6265bis);
    } else if (profile != QLatin1String("chromium")) {
        std::fprintf(stderr, "cookielab jar: unknown profile \"%s\" (use chromium or rfc6265bis)\n", qPrintable(profile));
        return 2;
    }
    if (parser.isSet(thirdPartyOption))
        jar.setThirdPartyPolicy(CookieJar::ThirdPartyPolicy::Allow);

    QFile input;
    const bool fromFile = parser.isSet(scriptOption);
    if (fromFile) {
        input.setFileName(parser.value(scriptOption));
        if (!input.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cookielab jar: cannot read %s: %s\n", qPrintable(input.fileName()), qPrintable(input.errorString()));
            return 2;
        }
    } else if (!input.open(stdin, QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cookielab jar: cannot read standard input\n");
        return 2;
    }
    const QByteArray script = input.readAll();
    const QString source = fromFile ? input.fileName() : QStringLiteral("<stdin>");

    JarScript runner(jar);
    runner.setExplain(parser.isSet(explainOption));
    runner.setOutput([](const QByteArray &line) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
    });
    runner.setMessages([&source](const QString &message) { std::fprintf(stderr, "%s:%s\n", qPrintable(source), qPrintable(message)); });
    const int errors = runner.run(script);
    std::fflush(stdout);
    return errors == 0 ? 0 : 1;
}

} // namespace CookieLab
