// A password-protected portal in a real browser:
//   node protected.mjs CONFIG.json
// CONFIG names a folder to serve (ROOT) and, under it, a protected client built twice: as
// built (`client`, under a sub-path) and with two reports' files swapped (`doctored`). It
// also gives the client's name, a password, the agency's name, the opaque files of a report
// and of its neighbour, an attachment that report links (name, SHA-256) and the folder of a
// client that shares its origin. Checks, in order: the lock page names the agency and not
// the client; malformed #key= links show the form; a wrong password shows an error; the
// right one shows the overview, with no request naming a real file and no failed request;
// links work across pages, prev/next, back and reload without asking again; the attachment
// downloads decrypted; log-out forgets the key; "remember on this device" survives a new
// tab and a reload, and is not offered on a shared origin; a #key= share link opens the
// portal directly and leaves the address bar clean; a page whose file holds another page's
// ciphertext shows an error, not the other page; and the portal opens from file:// too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from './chromium.mjs';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { root, client, doctored, shared, clientName, agencyName, password, report, neighbour, neighbourTitle, attachment, attachmentSha } = config;

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream' };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(root, rel);
  if (!file.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const base = `${origin}/${client}/`;

const browser = await launch();
const results = [];
const check = (ok, what) => {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
};
const text = (page) => page.evaluate(() => document.body.innerText);
const formShown = (page) => page.waitForSelector('#portico-unlock:not([hidden])', { timeout: 20000 });
const unlock = async (page, pass, remember = false) => {
  await formShown(page);
  await page.fill('#portico-password', pass);
  if (remember) await page.check('#portico-remember');
  await page.click('#portico-unlock button[type=submit]');
};
const opened = (page) => page.waitForFunction((name) => document.body.innerText.includes(name), clientName, { timeout: 20000 });
const status = (page) => page.evaluate(() => document.getElementById('portico-status')?.textContent || '');

try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const failures = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()} ${r.status()}`);
  });

  await page.goto(base);
  await formShown(page);
  const locked = await text(page);
  check(!locked.includes(clientName), 'the lock page shows nothing of the client');
  check(locked.includes(agencyName) && (await page.title()).includes(agencyName), 'the lock page names the agency');
  check(/password/i.test(locked) && /ask your contact/i.test(locked), 'and says what this is and how to get access');
  check(
    requests.every((u) => /\/(index\.html|assets\/portico\.css|assets\/portico-unlock\.js|assets\/[^/]+\.svg)?$/.test(new URL(u).pathname)),
    `the locked page requests only the theme and the unlock script: ${requests.join(', ')}`,
  );

  for (const bad of ['%%%', 'abc', 'not-a-key-at-all!', '']) {
    await page.goto('about:blank');
    await page.goto(`${base}#key=${bad}`);
    await formShown(page);
    check(!page.url().includes('#key'), `a malformed #key=${bad} link shows the form and leaves the address bar clean`);
  }
  await page.goto('about:blank');
  await page.goto(`${base}#key=%%%`);
  await formShown(page);
  check((await status(page)).includes('link'), 'and says the link is damaged');

  await unlock(page, 'not the password');
  await page.waitForFunction(() => document.getElementById('portico-status').textContent.includes('did not open'), null, { timeout: 20000 });
  check(!(await text(page)).includes(clientName), 'a wrong password shows an error and no content');

  requests.length = 0;
  await unlock(page, password);
  await opened(page);
  check((await text(page)).toLowerCase().includes('overall status'), 'the right password shows the overview');
  check(!(await text(page)).includes('Stay up to date'), 'the overview offers no feed, calendar or data it does not publish');
  await page.click('nav.sections a:text-is("Reports")');
  await opened(page);
  check(await page.evaluate(() => !document.getElementById('portico-unlock')), 'another page opens without asking again');
  check((await text(page)).includes('Status reports') && !page.url().includes('reports'), 'and shows its content at an opaque address');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  check(accent !== '' && accent !== '#1f4e79', `the client's accent applies (${accent})`);
  // The logo is decrypted after the page opens; on a loaded machine that takes a moment.
  await page.waitForFunction(() => (document.querySelector('img.logo')?.src || '').startsWith('blob:'), null, { timeout: 10000 }).catch(() => {});
  const logo = await page.evaluate(() => document.querySelector('img.logo')?.src || '');
  check(logo.startsWith('blob:'), 'the encrypted logo is shown from a decrypted blob');

  await page.goto(base + report);
  await opened(page);
  const reportTitle = await page.evaluate(() => document.querySelector('h1')?.innerText || '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-portico-name]').filter({ hasText: attachment }).first().click()]);
  const sha = crypto.createHash('sha256').update(fs.readFileSync(await download.path())).digest('hex');
  check(download.suggestedFilename() === attachment && sha === attachmentSha, `the attachment ${attachment} downloads decrypted`);
  await page.click('nav.pager a');
  await page.waitForFunction((t) => document.querySelector('h1') && document.querySelector('h1').innerText !== t, reportTitle, { timeout: 20000 });
  check(page.url().endsWith(neighbour) && (await text(page)).includes(neighbourTitle), 'prev/next leads to the neighbouring report');
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('h1') && document.querySelector('h1').innerText === t, reportTitle, { timeout: 20000 });
  check(true, 'back shows the report again');
  await page.reload();
  await page.waitForFunction((t) => document.querySelector('h1') && document.querySelector('h1').innerText === t, reportTitle, { timeout: 20000 });
  check(true, 'and so does a reload');
  const leaks = requests.filter((u) => /reports|\.csv|client\.css|files\/[^/]+\.(svg|png|csv)/.test(new URL(u).pathname));
  check(leaks.length === 0, `no request names a real file: ${leaks.join(', ')}`);
  check(failures.length === 0, `no request failed: ${failures.join(', ')}`);

  const key = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.startsWith('portico:'))?.[1]);
  await page.click('button.log-out');
  await formShown(page);
  check(!(await text(page)).includes(clientName), 'log-out locks the portal again');

  await unlock(page, password, true);
  await opened(page);
  const tab = await context.newPage();
  await tab.goto(base);
  await opened(tab);
  check(true, 'remember on this device opens a new tab without the password');
  await tab.reload();
  await opened(tab);
  check(true, 'and survives a reload');
  await tab.click('button.log-out');
  await formShown(tab);
  const fresh = await context.newPage();
  await fresh.goto(base);
  await formShown(fresh);
  check(!(await text(fresh)).includes(clientName), 'log-out also forgets the remembered key');
  await fresh.goto(`${origin}/${shared}/`);
  await formShown(fresh);
  check((await fresh.$('#portico-remember')) === null, 'a portal sharing its origin does not offer to remember');

  const stranger = await browser.newContext();
  const sharedPage = await stranger.newPage();
  const urlKey = key.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  await sharedPage.goto(`${base}#key=${urlKey}`);
  await opened(sharedPage);
  check(!sharedPage.url().includes('#'), 'a #key= share link opens directly and leaves no key in the address bar');

  const tampered = await (await browser.newContext()).newPage();
  await tampered.goto(`${origin}/${doctored}/${report}`);
  await unlock(tampered, password);
  await tampered.waitForFunction(() => /does not belong/.test(document.getElementById('portico-status')?.textContent || ''), null, { timeout: 20000 });
  check(!(await text(tampered)).includes(neighbourTitle), 'a page holding another page\'s ciphertext shows an error, not the other page');

  const disk = await (await browser.newContext()).newPage();
  await disk.goto(`file://${path.join(root, client, 'index.html')}`);
  await unlock(disk, password);
  await opened(disk);
  await disk.click('nav.sections a:text-is("Reports")');
  await disk.waitForFunction(() => document.body.innerText.includes('Status reports'), null, { timeout: 20000 });
  check(disk.url().startsWith('file://'), 'opened from file://, its links work too');
} catch (error) {
  check(false, `unexpected: ${error.message}`);
} finally {
  await browser.close();
  server.close();
}
console.log(results.join('\n'));
