// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QUrl>

namespace CookieLab
{

/** Where a request (or the response to it) happens, as far as cookie rules care. */
struct CookieRequestContext
{
    enum class Api
    {
        Http, ///< Cookie / Set-Cookie headers
        Script, ///< document.cookie: no HttpOnly cookies
    };

    QUrl url;
    /** The top-level page that initiated the request; empty means same-site with url. */
    QUrl initiator;
    /** A top-level navigation (the user follows a link or submits a form) rather than a subresource. */
    bool topLevelNavigation = true;
    QByteArray method = QByteArrayLiteral("GET");
    Api api = Api::Http;

    static CookieRequestContext forUrl(const QUrl &url)
    {
        CookieRequestContext context;
        context.url = url;
        return context;
    }
};

} // namespace CookieLab
