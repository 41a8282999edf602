// SPDX-License-Identifier: MIT
// Records tests/data/chromium-session.har: Debian's Chromium (headless) walks the documented routes
// of a running `cookielab serve`, and Playwright writes what the browser exchanged as HAR.
//   build/app/cookielab serve --port 8765 &
//   npm install --prefix /tmp/pw playwright-core
//   NODE_PATH=/tmp/pw/node_modules node tests/data/make-chromium-har.mjs http://localhost:8765 tests/data/chromium-session.har
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [base, out] = process.argv.slice(2);

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ recordHar: { path: out, content: 'embed' } });
const page = await context.newPage();
await page.goto(`${base}/set-cookie`);
await page.goto(`${base}/multi-cookie`);
await page.goto(`${base}/remember-me`);
const login = await page.evaluate(async () => {
    const response = await fetch('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'alice', password: 'wonderland' }),
    });
    return response.status;
});
if (login !== 200)
    throw new Error(`login answered ${login}`);
const protectedPage = await page.goto(`${base}/protected`);
if (protectedPage.status() !== 200)
    throw new Error(`/protected answered ${protectedPage.status()}: the browser did not send auth_token`);
await page.goto(`${base}/logout`);
await context.close();
await browser.close();
