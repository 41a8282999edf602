// SPDX-License-Identifier: MIT
// Prints throughput of CookieLab's engine against Qt's own cookie classes, measured in one run
// on the same inputs, and ends with "ratio <name> <x>" lines (x = CookieLab / Qt).
#include "benchcorpus.h"

#include "core/cookieanalyzer.h"
#include "core/cookiejar.h"
#include "core/setcookieparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QUrl>

#include <cstdio>
#include <functional>

using namespace CookieLab;

namespace
{

volatile qsizetype sink = 0;

// Runs the batch until at least minMsecs have passed; returns items per second.
double throughput(qsizetype batchSize, const std::function<void()> &batch, qint64 minMsecs = 800)
{
    batch(); // warm-up
    QElapsedTimer timer;
    timer.start();
    qint64 items = 0;
    while (timer.elapsed() < minMsecs) {
        batch();
        items += batchSize;
    }
    return double(items) * 1e9 / double(timer.nsecsElapsed());
}

double benchParse(const QByteArrayList &corpus)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double ours = throughput(corpus.size(), [&] {
        for (const QByteArray &header : corpus)
            sink = sink + SetCookieParser::parse(header, now).attributes.size();
    });
    const double qt = throughput(corpus.size(), [&] {
        for (const QByteArray &header : corpus)
            sink = sink + QNetworkCookie::parseCookies(header).size();
    });
    std::printf("parse: CookieLab %.0f headers/s, QNetworkCookie::parseCookies %.0f headers/s (%lld headers)\n", ours, qt,
        qlonglong(corpus.size()));
    return ours / qt;
}

class QtJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::allCookies;
};

double benchJar()
{
    constexpr int Domains = 100;
    constexpr int PerDomain = 30;
    const QByteArrayList paths{"/", "/app", "/app/settings", "/static"};
    CookieJar ours;
    QtJar qt;
    QList<QUrl> requests;
    for (int d = 0; d < Domains; ++d) {
        const QByteArray site = "site" + QByteArray::number(d) + ".com";
        const QUrl origin(QString::fromLatin1("https://www." + site + "/app/page"));
        requests.append(QUrl(QString::fromLatin1("https://www." + site + "/app/settings/profile")));
        requests.append(QUrl(QString::fromLatin1("https://" + site + "/")));
        for (int c = 0; c < PerDomain; ++c) {
            QByteArray header = "c" + QByteArray::number(c) + "=value" + QByteArray::number(c * d) + "; Path=" + paths.at(c % paths.size())
                + "; Max-Age=86400";
            if (c % 3 == 0)
                header += "; Domain=" + site;
            if (c % 2 == 0)
                header += "; Secure; HttpOnly";
            ours.setCookie(header, CookieRequestContext::forUrl(origin));
            qt.setCookiesFromUrl(QNetworkCookie::parseCookies(header), origin);
        }
    }
    std::printf("jar: %lld cookies in CookieLab's jar, %lld in QNetworkCookieJar, %d domains\n", qlonglong(ours.size()),
        qlonglong(qt.allCookies().size()), Domains);

    QList<CookieRequestContext> contexts;
    for (const QUrl &url : requests)
        contexts.append(CookieRequestContext::forUrl(url));
    const double oursRate = throughput(contexts.size(), [&] {
        for (const CookieRequestContext &context : contexts)
            sink = sink + ours.cookieHeader(context).size();
    });
    const double qtRate = throughput(requests.size(), [&] {
        for (const QUrl &url : requests) {
            QByteArray header;
            for (const QNetworkCookie &cookie : qt.cookiesForUrl(url)) {
                if (!header.isEmpty())
                    header += "; ";
                header += cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
            }
            sink = sink + header.size();
        }
    });
    std::printf("jar: CookieLab %.0f Cookie headers/s, QNetworkCookieJar::cookiesForUrl %.0f/s\n", oursRate, qtRate);
    return oursRate / qtRate;
}

// Single-cookie analysis (every rule that needs only the response) against parsing the same headers.
double benchAnalyze(const QByteArrayList &corpus)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<SetCookie> parsed;
    for (const QByteArray &header : corpus)
        parsed.append(SetCookieParser::parse(header, now));
    AnalysisContext context;
    context.url = QUrl(QStringLiteral("https://www.example.com/app/page"));
    context.now = now;
    const CookieAnalyzer analyzer(context);
    qsizetype findings = 0;
    // Alternate the two measurements and keep the best of each, so a slow moment of the machine
    // does not land on one side only.
    double parseRate = 0, analyzeRate = 0;
    for (int round = 0; round < 3; ++round) {
        parseRate = std::max(parseRate,
            throughput(
                corpus.size(),
                [&] {
                    for (const QByteArray &header : corpus)
                        sink = sink + SetCookieParser::parse(header, now).attributes.size();
                },
                400));
        analyzeRate = std::max(analyzeRate,
            throughput(
                parsed.size(),
                [&] {
                    QList<Finding> out;
                    for (int i = 0; i < parsed.size(); ++i) {
                        out.clear();
                        analyzer.analyze(parsed.at(i), i, out);
                        findings += out.size();
                    }
                },
                400));
    }
    QList<Finding> sample;
    for (int i = 0; i < parsed.size(); ++i)
        analyzer.analyze(parsed.at(i), i, sample);
    const double perCookie = double(sample.size()) / double(parsed.size());
    std::printf("analyze: %.0f cookies/s (%.0f findings/s, %.1f findings per cookie); parsing: %.0f headers/s\n", analyzeRate,
        analyzeRate * perCookie, perCookie, parseRate);
    sink = sink + findings;
    return parseRate / analyzeRate; // how many parses one analysis costs
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArrayList corpus = benchmarkSetCookieCorpus(10000);
    const double parseRatio = benchParse(corpus);
    const double jarRatio = benchJar();
    const double analyzeCost = benchAnalyze(corpus);
    std::printf("analyze cost %.2fx parsing (goal: at most 3)\n", analyzeCost);
    std::printf("ratio parse %.2f\n", parseRatio);
    std::printf("ratio jar %.2f\n", jarRatio);
    return 0;
}
