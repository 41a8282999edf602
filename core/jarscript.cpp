// SPDX-License-Identifier: MIT
#include "core/jarscript.h"

#include "core/cookiejar.h"

namespace CookieLab
{

namespace
{

// Splits "WORD rest" at the first space; rest keeps every byte after that space.
std::pair<QByteArrayView, QByteArrayView> splitWord(QByteArrayView line)
{
    const qsizetype space = line.indexOf(' ');
    if (space < 0)
        return {line, {}};
    return {line.first(space), line.sliced(space + 1)};
}

std::optional<QUrl> parseUrl(QByteArrayView text)
{
    const QUrl url(QString::fromUtf8(text), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return std::nullopt;
    return url;
}

} // namespace

JarScript::JarScript(CookieJar &jar)
    : m_jar(jar)
{
}

bool JarScript::fail(int lineNumber, const QString &message)
{
    if (m_messages)
        m_messages(QStringLiteral("line %1: %2").arg(lineNumber).arg(message));
    return false;
}

bool JarScript::parseContext(QByteArrayView arguments, int lineNumber)
{
    CookieRequestContext context;
    for (const QByteArrayView word : QByteArray(arguments.toByteArray()).split(' ')) {
        if (word.isEmpty())
            continue;
        const auto [key, value] = [&] {
            const qsizetype eq = word.indexOf('=');
            return eq < 0 ? std::pair{word, QByteArrayView()} : std::pair{word.first(eq), word.sliced(eq + 1)};
        }();
        if (key == "site") {
            const auto url = parseUrl(value);
            if (!url)
                return fail(lineNumber, QStringLiteral("CONTEXT site=%1 is not an absolute URL").arg(QString::fromUtf8(value)));
            context.initiator = *url;
        } else if (key == "nav" && (value == "0" || value == "1")) {
            context.topLevelNavigation = value == "1";
        } else if (key == "method" && !value.isEmpty()) {
            context.method = value.toByteArray().toUpper();
        } else if (key == "api" && (value == "http" || value == "script")) {
            context.api = value == "http" ? CookieRequestContext::Api::Http : CookieRequestContext::Api::Script;
        } else {
            return fail(lineNumber, QStringLiteral("CONTEXT does not understand \"%1\"").arg(QString::fromUtf8(word)));
        }
    }
    m_context = context;
    return true;
}

bool JarScript::execute(QByteArrayView line, int lineNumber)
{
    if (line.isEmpty() || line.front() == '#')
        return true;
    const auto [command, arguments] = splitWord(line);
    if (command == "RESET") {
        m_jar.clear();
        m_context = {};
        return true;
    }
    if (command == "NOW") {
        bool ok = false;
        const qint64 seconds = QByteArray(arguments.toByteArray()).trimmed().toLongLong(&ok);
        constexpr qint64 Year10000 = 253402300800; // keeps every date the jar computes representable
        if (!ok || seconds < -Year10000 || seconds >= Year10000)
            return fail(lineNumber,
                QStringLiteral("NOW needs Unix seconds between -%1 and %1, got \"%2\"").arg(Year10000).arg(QString::fromUtf8(arguments)));
        m_jar.setClock([msecs = seconds * 1000] { return msecs; });
        return true;
    }
    if (command == "CONTEXT")
        return parseContext(arguments, lineNumber);
    if (command == "SET" || command == "GET") {
        const auto [urlText, header] = splitWord(arguments);
        const auto url = parseUrl(urlText);
        if (!url)
            return fail(lineNumber,
                QStringLiteral("%1 needs an absolute URL, got \"%2\"").arg(QString::fromLatin1(command), QString::fromUtf8(urlText)));
        CookieRequestContext context = m_context;
        context.url = *url;
        if (command == "SET") {
            const CookieStoreOutcome outcome = m_jar.setCookie(header, context);
            if (m_explain && m_messages)
                m_messages(QStringLiteral("line %1: %2 %3: %4")
                               .arg(lineNumber)
                               .arg(QString::fromLatin1(CookieStoreOutcome::statusName(outcome.status)),
                                   QString::fromLatin1(outcome.status == CookieStoreOutcome::Status::Rejected
                                           ? CookieStoreOutcome::reasonName(outcome.reason)
                                           : QByteArray("-")),
                                   outcome.explanation()));
            return true;
        }
        if (m_explain && m_messages) {
            for (const CookieInclusion &inclusion : m_jar.explain(context))
                m_messages(QStringLiteral("line %1: %2 %3: %4")
                               .arg(lineNumber)
                               .arg(QString::fromUtf8(inclusion.cookie.pair()),
                                   QString::fromLatin1(CookieInclusion::reasonName(inclusion.reason)), inclusion.explanation()));
        }
        if (m_output)
            m_output(m_jar.cookieHeader(context));
        return true;
    }
    return fail(lineNumber, QStringLiteral("unknown command \"%1\"").arg(QString::fromUtf8(command)));
}

int JarScript::run(QByteArrayView script)
{
    int errors = 0;
    int lineNumber = 0;
    qsizetype pos = 0;
    while (pos < script.size()) {
        qsizetype end = script.indexOf('\n', pos);
        if (end < 0)
            end = script.size();
        if (!execute(script.sliced(pos, end - pos), ++lineNumber))
            ++errors;
        pos = end + 1;
    }
    return errors;
}

} // namespace CookieLab
