// SPDX-License-Identifier: MIT
#pragma once

#include "core/finding.h"
#include "core/httpexchange.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace CookieLab
{

class CookieJar;

/** Everything the rules may look at besides the Set-Cookie line itself. */
struct AnalysisContext
{
    enum class Role
    {
        Unknown,
        Login,
        Logout,
        PrivilegeChange,
    };

    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    HeaderList requestHeaders;
    QByteArray requestBody;
    int status = 200;
    HeaderList responseHeaders;
    QByteArray responseBody;
    Role role = Role::Unknown;
    /** Paths of GET routes on this site known to change state (CK026), e.g. "/logout". */
    QList<QByteArray> stateChangingGetPaths;
    qint64 now = 0; ///< when the response arrived, ms since epoch
    bool hsts = false; ///< the host has sent Strict-Transport-Security (now or before)
    const CookieJar *jar = nullptr; ///< the client's cookies before this response, when known

    /** Login/logout from the path when nothing better is known ("/login", "/signout", …). */
    static Role guessRole(QByteArrayView method, QByteArrayView path);
    /** The context of an exchange (jar, role and HSTS are left to the caller). */
    static AnalysisContext fromExchange(const HttpExchange &exchange);
};

/** The single-response rules of the catalogue: every Set-Cookie line, then the response as a whole. */
class CookieAnalyzer final
{
public:
    explicit CookieAnalyzer(const AnalysisContext &context);

    /** Appends the findings for one Set-Cookie line (index = its position in the response). */
    void analyze(const SetCookie &cookie, int index, QList<Finding> &out) const;
    /** Every Set-Cookie line of the response plus the response-wide rules, in line order. */
    QList<Finding> analyzeResponse(const QList<SetCookie> &cookies) const;

    /** The catalogue's S(c): names like sess/login/auth/token/sid…, JWT values, random-looking values, login responses. */
    static bool isSessionLike(QByteArrayView name, QByteArrayView value, bool loginResponse);
    /** The catalogue's A(c): the name mentions csrf or xsrf. */
    static bool isAntiCsrf(QByteArrayView name);
    /** Bits of randomness a value can hold at most, judged by its alphabet and length. */
    static double estimatedEntropyBits(QByteArrayView value);

private:
    void attributeRules(const SetCookie &c, bool session, QList<Finding> &out, const Finding &base) const;
    void contentRules(const SetCookie &c, bool session, QList<Finding> &out, const Finding &base) const;

    const AnalysisContext &m_context;
    QByteArray m_origin;
    QByteArray m_host;
    QByteArray m_requestPath;
    bool m_https = false;
    bool m_localhost = false;
    bool m_crossSite = false; ///< Sec-Fetch-Site: cross-site
    bool m_topNavigation = true; ///< Sec-Fetch-Mode navigate + Sec-Fetch-Dest document (or no such headers)
    bool m_loginResponse = false;
    QList<QByteArray> m_passwords; ///< password fields of the request body
    QList<QPair<QByteArray, QByteArray>> m_parameters; ///< query and form parameters
    QByteArray m_cacheControl;
    QByteArray m_location;
};

} // namespace CookieLab
