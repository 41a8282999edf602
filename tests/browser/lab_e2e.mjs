// SPDX-License-Identifier: MIT
// The browser labs in a real browser: Debian's Chromium (headless), driven by playwright-core,
// against a running `cookielab serve` on loopback. Usage: node lab_e2e.mjs PORT LOG.jsonl COOKIELAB WORK_DIR
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [port, logFile, cookielab, workDir] = process.argv.slice(2);
const victim = `http://127.0.0.1:${port}`;
const attacker = `http://localhost:${port}`; // another site of the same machine

let failures = 0;
function check(name, condition, detail = '') {
    console.log(`${condition ? 'PASS' : 'FAIL'}: ${name}${condition ? '' : `  (${detail})`}`);
    if (!condition)
        failures++;
}

// Requests the server logged (serve --log), newest last; each with its Cookie header.
function logged(predicate) {
    return readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter(predicate);
}
// The server logs an exchange a few milliseconds after answering it: poll, bounded.
async function waitLogged(predicate, count = 1) {
    const deadline = Date.now() + 5000;
    let found = logged(predicate);
    while (found.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        found = logged(predicate);
    }
    return found;
}
function cookieHeader(exchange) {
    if (!exchange)
        return '';
    const header = (exchange.requestHeaders || []).find(([name]) => name.toLowerCase() === 'cookie');
    return header ? header[1] : '';
}
async function setSwitches(page, switches) {
    const status = await page.evaluate(async (body) => (await fetch('/lab/switches', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    })).status, switches);
    check(`switches ${JSON.stringify(switches)} accepted`, status === 200, status);
}
// The same scenario with the switch off, then on (then off again for the next one): each outcome to its checks.
async function offThenOn(page, id, scenario, checkOff, checkOn) {
    checkOff(await scenario());
    await setSwitches(page, { [id]: true });
    checkOn(await scenario());
    await setSwitches(page, { [id]: false });
}
async function logIn(page, origin = victim) {
    await page.goto(`${origin}/lab/login.html`);
    await page.fill('#password', 'wonderland');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.getElementById('result').textContent.length > 0);
    return page.textContent('#result');
}

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    timeout: 30000,
});
try {
    const context = await browser.newContext();
    context.setDefaultTimeout(15000);
    const page = await context.newPage();

    // 1. HttpOnly: the server receives user_id, scripts never see it and cannot overwrite it.
    await page.goto(`${victim}/set-cookie`);
    await page.goto(`${victim}/multi-cookie`);
    await page.goto(`${victim}/lab/cookies.html`);
    await page.waitForFunction(() => document.getElementById('server-cookies').textContent.includes('{'));
    const scriptCookies = await page.textContent('#script-cookies');
    const serverCookies = JSON.parse(await page.textContent('#server-cookies'));
    check('HttpOnly user_id is absent from document.cookie', !scriptCookies.includes('user_id'), scriptCookies);
    check('non-HttpOnly theme is in document.cookie', scriptCookies.includes('theme=dark'), scriptCookies);
    check('the server still receives user_id', serverCookies.user_id === '12345', JSON.stringify(serverCookies));
    await page.click('#overwrite');
    await page.waitForFunction(() => document.getElementById('write-result').textContent.length > 0);
    const overwrite = await page.textContent('#write-result');
    check('a script cannot overwrite an HttpOnly cookie', overwrite.includes('receives user_id=12345'), overwrite);

    // 2. SameSite from another site: a navigation carries Lax (and unset) cookies but not Strict ones;
    //    a cross-site form POST carries no Lax cookie. An image is a third-party request: this Chromium
    //    blocks third-party cookies, so not even SameSite=None goes there.
    await page.goto(`${victim}/lab/samesite-setup`);
    await page.goto(`${attacker}/lab/attacker.html`);
    await page.waitForLoadState('load');
    await page.click('#post button');
    await page.waitForURL(/via=form/);
    await page.goto(`${attacker}/lab/attacker.html`);
    await page.click('#navigate');
    await page.waitForURL(/via=navigation/);
    const navigation = JSON.parse(await page.textContent('body')).cookies;
    check('cross-site navigation: Strict cookie not sent', !('strict_demo' in navigation), JSON.stringify(navigation));
    check('cross-site navigation: Lax cookie sent', navigation.lax_demo === '1', JSON.stringify(navigation));
    check('cross-site navigation: unset (Lax by default) cookie sent', navigation.unset_demo === '1', JSON.stringify(navigation));
    const image = (await waitLogged((e) => (e.url || '').includes('via=image'))).pop();
    check('cross-site image was requested', !!image);
    const imageCookies = cookieHeader(image);
    check('cross-site image: no Lax or Strict cookie (third-party cookies blocked altogether)', !imageCookies.includes('lax_demo')
        && !imageCookies.includes('strict_demo') && !imageCookies.includes('user_id'), imageCookies);
    const form = (await waitLogged((e) => (e.url || '').includes('via=form'))).pop();
    const formCookies = form ? cookieHeader(form) : '';
    check('cross-site form POST: Lax and Strict cookies stay home', !!form && !formCookies.includes('lax_demo')
        && !formCookies.includes('strict_demo') && formCookies.includes('none_demo=1'), formCookies);

    // 3. login → protected → logout through the lab pages.
    check('login through the lab form', (await logIn(page)).includes('Login successful'));
    await page.goto(`${victim}/lab/protected.html`);
    await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
    check('protected page after login', (await page.textContent('#status')).includes('Welcome alice'), await page.textContent('#status'));
    check('HttpOnly auth_token hidden from scripts', !(await page.evaluate(() => document.cookie)).includes('auth_token'));

    // The browser's own cookie export (Playwright's storage state: DevTools protocol cookie objects)
    // imports into CookieLab with every attribute the browser holds.
    const statePath = `${workDir}/storage-state.json`;
    writeFileSync(statePath, JSON.stringify(await context.storageState()));
    const asNetscape = execFileSync(cookielab, ['convert', statePath, '--to', 'netscape'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    check('storage state converts: auth_token is HttpOnly and Secure in cookies.txt',
        /^#HttpOnly_127\.0\.0\.1\tFALSE\t\/\tTRUE\t[1-9][0-9]*\tauth_token\t/m.test(asNetscape), asNetscape);
    const asSetCookie = execFileSync(cookielab, ['convert', statePath, '--to', 'set-cookie'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    check('storage state converts: auth_token keeps SameSite=Strict', /^auth_token=.*; SameSite=Strict$/m.test(asSetCookie), asSetCookie);
    await page.click('#logout');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('401')).catch(() => {});
    const statusAfterLogout = await page.textContent('#status');
    check('protected page after logout answers 401', statusAfterLogout.startsWith('401'), statusAfterLogout);
    const jarAfterLogout = (await context.cookies(victim)).map((c) => c.name);
    check('logout removed auth_token from the browser', !jarAfterLogout.includes('auth_token'), jarAfterLogout.join(' '));

    // 4. Switches in the browser: the token becomes script-readable; with SameSite=None it rides along
    //    on the attacker's cross-site form POST (the CSRF the Strict default prevents).
    await setSwitches(page, { 'script-readable-token': true, 'samesite-none-session': true });
    await logIn(page);
    await page.goto(`${victim}/lab/cookies.html`);
    const exposed = await page.evaluate(() => document.cookie);
    check('switch on: auth_token readable by scripts', exposed.includes('auth_token='), exposed);
    await page.goto(`${attacker}/lab/attacker.html`);
    await page.waitForLoadState('load');
    await page.click('#post button');
    await page.waitForURL(/via=form/);
    const leaked = (await waitLogged((e) => (e.url || '').includes('via=form'), 2)).pop();
    check('switch on: the attacker\'s form POST carries auth_token', cookieHeader(leaked).includes('auth_token='), cookieHeader(leaked));
    await page.goto(`${victim}/lab/`);
    await setSwitches(page, { 'script-readable-token': false, 'samesite-none-session': false });

    // 5. The other five switches, each exploited as an attacker would with a browser, next to the
    //    same steps with the switch off.
    const freshBrowser = async () => {
        const other = await browser.newContext();
        other.setDefaultTimeout(15000);
        return [other, await other.newPage()];
    };
    // Mallory's own browser, holding a token she planted or stole: does /protected let her in?
    const replayToken = async (token) => {
        const [mallory, malloryPage] = await freshBrowser();
        await mallory.addCookies([{ name: 'auth_token', value: token, url: victim }]);
        const response = await malloryPage.goto(`${victim}/protected`);
        const answer = `${response.status()} ${await response.text()}`;
        await mallory.close();
        return answer;
    };
    const tokenOf = async (context, url = victim) => ((await context.cookies(url)).find((c) => c.name === 'auth_token') || {}).value;

    // client-role-cookie: a script edits role=user into role=admin and /admin believes it.
    await setSwitches(page, { 'client-role-cookie': true });
    {
        const [alice, alicePage] = await freshBrowser();
        await logIn(alicePage);
        const admin = () => alicePage.evaluate(async () => (await fetch('/admin')).status);
        check('role switch: login leaves role=user readable by scripts', (await alicePage.evaluate(() => document.cookie)).includes('role=user'));
        check('role switch: /admin refuses role=user', (await admin()) === 403);
        await alicePage.evaluate(() => { document.cookie = 'role=admin; path=/'; });
        check('role switch: after document.cookie = "role=admin" /admin lets the script in', (await admin()) === 200);
        await alice.close();
    }
    await setSwitches(page, { 'client-role-cookie': false });

    // no-rotation-at-login: Mallory plants auth_token in alice's browser before alice logs in.
    const fixation = async () => {
        const [alice, alicePage] = await freshBrowser();
        await alicePage.goto(`${victim}/lab/cookies.html`);
        await alicePage.evaluate(() => { document.cookie = 'auth_token=planted-by-mallory; path=/'; });
        await logIn(alicePage);
        const kept = (await tokenOf(alice)) === 'planted-by-mallory';
        await alice.close();
        return [kept, await replayToken('planted-by-mallory')];
    };
    await offThenOn(page, 'no-rotation-at-login', fixation,
        ([kept, answer]) => check('fixation switch off: login replaces the planted token', !kept && answer.startsWith('401'), answer),
        ([kept, answer]) => check('fixation switch on: login keeps the planted token and Mallory is alice',
            kept && answer.includes('Welcome alice'), answer));

    // logout-keeps-session: a token copied before logout still works after it.
    const afterLogout = async () => {
        const [alice, alicePage] = await freshBrowser();
        await logIn(alicePage);
        const stolen = await tokenOf(alice);
        await alicePage.goto(`${victim}/logout`);
        const stillInBrowser = (await tokenOf(alice)) === stolen;
        await alice.close();
        return [stillInBrowser, await replayToken(stolen)];
    };
    await offThenOn(page, 'logout-keeps-session', afterLogout,
        ([stillInBrowser, replayed]) => check('logout switch off: logout deletes the cookie and ends the session',
            !stillInBrowser && replayed.startsWith('401'), replayed),
        ([stillInBrowser, replayed]) => check('logout switch on: the cookie stays and the copied token still logs in',
            stillInBrowser && replayed.includes('Welcome alice'), replayed));

    // predictable-tokens: two logins in a row give counter n and n+1; the next one is guessable.
    await setSwitches(page, { 'predictable-tokens': true });
    {
        const tokens = [];
        for (let i = 0; i < 2; i++) {
            const [alice, alicePage] = await freshBrowser();
            await logIn(alicePage);
            tokens.push(await tokenOf(alice));
            await alice.close();
        }
        const parts = tokens.map((t) => /^session-(\d+)-(\d+)$/.exec(t || ''));
        check('predictable switch: tokens are session-COUNTER-TIME', parts.every(Boolean), tokens.join(' '));
        check('predictable switch: consecutive logins count up by one', parts.every(Boolean) && Number(parts[1][1]) === Number(parts[0][1]) + 1,
            tokens.join(' '));
        if (parts.every(Boolean)) {
            // Mallory saw only the first token: the second is its counter plus one, within seconds of it.
            let guessed = false;
            for (let second = Number(parts[0][2]); second <= Number(parts[0][2]) + 2 && !guessed; second++)
                guessed = (await replayToken(`session-${Number(parts[0][1]) + 1}-${second}`)).includes('Welcome alice');
            check('predictable switch: the second token is guessed from the first', guessed);
        }
    }
    await setSwitches(page, { 'predictable-tokens': false });

    // parent-domain-cookie: a login on app.cookielab.localhost hands auth_token to every sibling host.
    const app = `http://app.cookielab.localhost:${port}`;
    const sibling = `http://other.cookielab.localhost:${port}`;
    const siblingReceives = async () => {
        const [alice, alicePage] = await freshBrowser();
        const loggedIn = (await logIn(alicePage, app)).includes('Login successful');
        await alicePage.goto(`${sibling}/lab/echo`);
        const received = JSON.parse(await alicePage.textContent('body')).cookies;
        await alice.close();
        return [loggedIn, 'auth_token' in received];
    };
    await offThenOn(page, 'parent-domain-cookie', siblingReceives,
        ([loggedIn, shared]) => check('parent-domain switch off: the token stays with app.cookielab.localhost', loggedIn && !shared),
        ([loggedIn, shared]) => check('parent-domain switch on: other.cookielab.localhost receives the token', loggedIn && shared));

    const events = await waitLogged((e) => e.source === 'event', 14);
    check('every switch change is in the log', events.length === 14, events.length);
} finally {
    await browser.close();
}
console.log(failures === 0 ? 'all browser checks passed' : `${failures} browser check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
