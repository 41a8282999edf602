// SPDX-License-Identifier: MIT
#include "core/sessionmanager.h"
#include "core/userstore.h"

#include <QTest>

using namespace CookieLab;

class TestUserStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pbkdf2KnownAnswer();
    void hashesAreSaltedAndVerify();
    void loadsPasswordsAndHashes();
    void sessionTokens();
    void revokedAndForeignTokens();
};

void TestUserStore::pbkdf2KnownAnswer()
{
    // PBKDF2-HMAC-SHA256("password", "salt", 4096 iterations, 32 bytes): the published test vector.
    const QByteArray expected = QByteArray::fromHex("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    QCOMPARE(UserStore::hashPassword("password", 4096, "salt"),
        "pbkdf2-sha256$4096$" + QByteArray("salt").toBase64(b64) + '$' + expected.toBase64(b64));
}

void TestUserStore::hashesAreSaltedAndVerify()
{
    const QByteArray a = UserStore::hashPassword("wonderland", 2000);
    const QByteArray b = UserStore::hashPassword("wonderland", 2000);
    QVERIFY(a != b);
    QVERIFY(UserStore::verifyPassword("wonderland", a));
    QVERIFY(UserStore::verifyPassword("wonderland", b));
    QVERIFY(!UserStore::verifyPassword("Wonderland", a));
    QVERIFY(!UserStore::verifyPassword("wonderland", "not-a-hash"));
    QCOMPARE(UserStore::checkHashFormat(a), QString());
    QVERIFY(!UserStore::checkHashFormat("pbkdf2-sha256$10$c2FsdHNhbHQ$AAAA").isEmpty());
}

void TestUserStore::loadsPasswordsAndHashes()
{
    const QByteArray hash = UserStore::hashPassword("builder", 2000);
    const auto result = UserStore::fromJson("[{\"username\":\"alice\",\"password\":\"wonderland\"},"
                                            "{\"username\":\"bob\",\"password_hash\":\""
            + hash + "\"}]",
        QStringLiteral("users.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.store.usernames(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    QVERIFY(result.store.verify(QStringLiteral("alice"), "wonderland"));
    QVERIFY(result.store.verify(QStringLiteral("bob"), "builder"));
    QVERIFY(!result.store.verify(QStringLiteral("bob"), "wonderland"));
    QVERIFY(!result.store.verify(QStringLiteral("carol"), "wonderland"));
}

void TestUserStore::sessionTokens()
{
    SessionManager sessions;
    qint64 now = 1'700'000'000'000;
    sessions.setClock([&now] { return now; });
    const QByteArray token = sessions.issue(QStringLiteral("alice"));
    QVERIFY(token.startsWith("v1."));
    for (char c : token)
        QVERIFY2(QByteArrayLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.").contains(c), token.constData());
    QVERIFY(sessions.issue(QStringLiteral("alice")) != token);
    auto v = sessions.verify(token);
    QCOMPARE(v.status, SessionManager::Status::Valid);
    QCOMPARE(v.username, QStringLiteral("alice"));
    now += SessionManager::DefaultLifetimeSeconds * 1000 - 1000;
    QVERIFY(sessions.verify(token).isValid());
    now += 1000;
    QCOMPARE(sessions.verify(token).status, SessionManager::Status::Expired);
    QCOMPARE(sessions.verify("v1.x").status, SessionManager::Status::Malformed);
}

void TestUserStore::revokedAndForeignTokens()
{
    SessionManager sessions;
    SessionManager otherServer;
    const QByteArray token = sessions.issue(QStringLiteral("bob"));
    QCOMPARE(otherServer.verify(token).status, SessionManager::Status::BadSignature);
    QVERIFY(sessions.revoke(token));
    QCOMPARE(sessions.verify(token).status, SessionManager::Status::Revoked);
    QVERIFY(!sessions.revoke(token));
    QCOMPARE(sessions.activeSessions(), 0);
}

QTEST_APPLESS_MAIN(TestUserStore)
#include "tst_userstore.moc"
