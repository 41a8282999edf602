// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace CookieLab
{

/**
 * Workshop accounts with PBKDF2-SHA256 password hashes, loaded from JSON:
 * [{"username": "alice", "password": "wonderland"}, {"username": "bob", "password_hash": "pbkdf2-sha256$…"}]
 */
class UserStore final
{
public:
    static constexpr int DefaultIterations = 100000;

    struct LoadResult;

    UserStore() = default;

    /** Parses the JSON; source names the file in error messages. */
    static LoadResult fromJson(const QByteArray &json, const QString &source);
    static LoadResult fromFile(const QString &path);

    /** True when the user exists and the password matches; takes the same time for unknown users. */
    bool verify(const QString &username, const QByteArray &password) const;
    QStringList usernames() const;
    bool isEmpty() const { return m_hashes.isEmpty(); }

    /** "pbkdf2-sha256$<iterations>$<salt>$<key>" (base64url), with a random salt unless one is given. */
    static QByteArray hashPassword(const QByteArray &password, int iterations = DefaultIterations, QByteArray salt = {});
    /** Checks a password against a hash in that format, in constant time for the key comparison. */
    static bool verifyPassword(const QByteArray &password, const QByteArray &hash);
    /** Why a hash string is not in the format; empty when it is. */
    static QString checkHashFormat(const QByteArray &hash);

private:
    QHash<QString, QByteArray> m_hashes;
    QStringList m_order;
};

struct UserStore::LoadResult
{
    UserStore store;
    QString error; ///< names the source and the entry; empty on success

    bool ok() const { return error.isEmpty(); }
};

} // namespace CookieLab
