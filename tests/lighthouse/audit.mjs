// Audits the shop page of a running local host with Lighthouse (its default mobile profile: Moto G Power screen,
// simulated slow 4G, 4x CPU slowdown) in Debian's Chromium, signed out and signed in as a customer, and prints one JSON
// summary on stdout: per page the four category scores (0..100) and the cumulative layout shift.
//
// usage: node tests/lighthouse/audit.mjs --base http://127.0.0.1:5000/ [--reports DIR]
//   --reports DIR  also writes each page's full Lighthouse report there (lighthouse-<page>.json)
//
// Signed in: a token from the host's POST /_local/tokens, kept in sessionStorage as the page keeps it, in the same tab
// Lighthouse then audits (storage reset off, so the session survives the audit's own navigation). A host without that
// route (an older build, or one started with --auth none before the route existed) gets an unsigned placeholder token
// the page can read; such a host does not check tokens, and the summary says which kind was used.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SESSION_KEY = 'orderprocessing.session'; // the page's key (app.js, SESSION_KEY)
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const base = option('--base');
const reports = option('--reports');
if (!base) {
  console.error('usage: node tests/lighthouse/audit.mjs --base http://127.0.0.1:PORT/ [--reports DIR]');
  process.exit(2);
}

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function customerSession() {
  const claims = { subject: 'c-lighthouse', email: 'lighthouse@example.com', name: 'Lee Lighthouse', lifetimeSeconds: 3600 };
  const response = await fetch(new URL('_local/tokens', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(claims),
  });
  if (response.ok) {
    const minted = await response.json();
    return { kind: 'minted', session: { token: minted.token, expiresAt: minted.expiresAt, source: 'local' } };
  }
  const expiresAt = new Date(Date.now() + 3600_000);
  const payload = { sub: claims.subject, email: claims.email, name: claims.name, exp: Math.floor(expiresAt / 1000) };
  const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
  return { kind: `placeholder (POST /_local/tokens answered ${response.status})`, session: { token, expiresAt: expiresAt.toISOString(), source: 'local' } };
}

async function audit(browser, name, url, session) {
  const page = await browser.newPage();
  try {
    if (session) {
      await page.goto(base, { waitUntil: 'load' });
      await page.evaluate((key, value) => sessionStorage.setItem(key, value), SESSION_KEY, JSON.stringify(session));
    }
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', disableStorageReset: Boolean(session) }, undefined, page);
    const lhr = result.lhr;
    if (reports) {
      fs.mkdirSync(reports, { recursive: true });
      fs.writeFileSync(path.join(reports, `lighthouse-${name}.json`), result.report);
    }
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => a.id);
    return {
      page: name,
      url,
      scores,
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift'].numericValue,
      largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
      failingAudits: failing,
      runWarnings: lhr.runWarnings,
      lighthouseVersion: lhr.lighthouseVersion,
    };
  } finally {
    await page.close();
  }
}

const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args });
try {
  const signedOut = await audit(browser, 'signed-out', new URL('#/', base).href, null);
  const { kind, session } = await customerSession();
  const signedIn = await audit(browser, 'signed-in', new URL('#/', base).href, session);
  signedIn.token = kind;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), chromium: await browser.version(), pages: [signedOut, signedIn] }, null, 2)}\n`);
} finally {
  await browser.close();
}
