// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct psl_ctx_st;

namespace CookieLab
{

/** Public-suffix decisions from libpsl (the system list in /usr/share/publicsuffix, or libpsl's built-in one). */
class PublicSuffixList final
{
public:
    static const PublicSuffixList &instance();

    /** True for "com", "co.uk", "github.io" … and for unknown top-level labels (the implicit "*" rule). */
    bool isPublicSuffix(QByteArrayView host) const;
    /** The eTLD+1 of a host ("example.co.uk" for "a.example.co.uk"); empty for IPs and public suffixes. */
    QByteArray registrableDomain(QByteArrayView host) const;

private:
    PublicSuffixList();
    ~PublicSuffixList();
    Q_DISABLE_COPY_MOVE(PublicSuffixList)

    const psl_ctx_st *m_psl = nullptr;
};

} // namespace CookieLab
