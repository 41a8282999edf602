// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookierequestcontext.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace CookieLab
{

class CookieJar;

/**
 * The line-based jar language of `cookielab jar`, so the engine can be compared with other
 * implementations. Lines end at LF only; everything else on a line reaches the engine untouched.
 *
 *   # comment            RESET               NOW <unix-seconds>
 *   CONTEXT [site=<url>] [nav=0|1] [method=<M>] [api=http|script]
 *   SET <request-url> <Set-Cookie value>   GET <request-url>
 */
class JarScript final
{
public:
    using LineSink = std::function<void(const QByteArray &)>;
    using MessageSink = std::function<void(const QString &)>;

    explicit JarScript(CookieJar &jar);

    /** Where GET results go (one line each, without the LF). */
    void setOutput(LineSink output) { m_output = std::move(output); }
    /** Where errors and, with explain on, decisions go. */
    void setMessages(MessageSink messages) { m_messages = std::move(messages); }
    void setExplain(bool explain) { m_explain = explain; }

    /** Runs one line (without its LF); false when the line is not a valid command. */
    bool execute(QByteArrayView line, int lineNumber);
    /** Runs a whole script; returns the number of invalid lines. */
    int run(QByteArrayView script);

private:
    bool fail(int lineNumber, const QString &message);
    bool parseContext(QByteArrayView arguments, int lineNumber);

    CookieJar &m_jar;
    CookieRequestContext m_context;
    LineSink m_output;
    MessageSink m_messages;
    bool m_explain = false;
};

} // namespace CookieLab
