// A password-protected portal in a real browser:
//   node protected.mjs BASE_URL CLIENT_NAME PASSWORD PAGE ATTACHMENT_NAME ATTACHMENT_SHA256
// BASE_URL is the client's portal root (ending in /); PAGE, relative to it, links the
// attachment. Checks, in order: the form shows and no
// content is readable; a wrong password shows an error and no content; the right one shows
// the overview, and links work across pages without asking again; an attachment downloads
// decrypted; log-out forgets the key; "remember on this device" survives a new tab and a
// reload; a #key= share link opens the portal directly and leaves the address bar clean.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { launch } from './chromium.mjs';

const [base, clientName, password, attachmentPage, attachment, attachmentSha] = process.argv.slice(2);
const browser = await launch();
const results = [];
const check = (ok, what) => {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
};
const text = (page) => page.evaluate(() => document.body.innerText);
const unlock = async (page, pass, remember = false) => {
  await page.waitForSelector('#portico-unlock:not([hidden])');
  await page.fill('#portico-password', pass);
  if (remember) await page.check('#portico-remember');
  await page.click('#portico-unlock button[type=submit]');
};
const opened = (page) => page.waitForFunction((name) => document.body.innerText.includes(name), clientName, { timeout: 20000 });

try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('#portico-unlock:not([hidden])');
  check(!(await text(page)).includes(clientName), 'the locked page shows no content');
  check((await page.title()) === 'Private portal', 'the locked page has a generic title');

  await unlock(page, 'not the password');
  await page.waitForFunction(() => document.getElementById('portico-status').textContent.includes('did not open'), null, { timeout: 20000 });
  check(!(await text(page)).includes(clientName), 'a wrong password shows an error and no content');

  await unlock(page, password);
  await opened(page);
  check((await text(page)).toLowerCase().includes('overall status'), 'the right password shows the overview');
  await page.click('nav.sections a[href$="reports/index.html"]');
  await opened(page);
  check(await page.evaluate(() => !document.getElementById('portico-unlock')), 'another page opens without asking again');
  check((await text(page)).includes('Status reports'), 'and shows its content');

  const logo = await page.evaluate(() => document.querySelector('img.logo')?.src || '');
  check(logo.startsWith('blob:'), 'the encrypted logo is shown from a decrypted blob');
  await page.goto(base + attachmentPage);
  await opened(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`a[href$="files/${attachment}"]`).first().click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  check(download.suggestedFilename() === attachment && sha === attachmentSha, `the attachment ${attachment} downloads decrypted`);

  const key = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.startsWith('portico:'))?.[1]);
  await page.click('button.log-out');
  await page.waitForSelector('#portico-unlock:not([hidden])');
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
  await tab.waitForSelector('#portico-unlock:not([hidden])');
  const fresh = await context.newPage();
  await fresh.goto(base);
  await fresh.waitForSelector('#portico-unlock:not([hidden])');
  check(!(await text(fresh)).includes(clientName), 'log-out also forgets the remembered key');

  const stranger = await browser.newContext();
  const shared = await stranger.newPage();
  const urlKey = key.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  await shared.goto(`${base}#key=${urlKey}`);
  await opened(shared);
  check(!shared.url().includes('#'), 'a #key= share link opens directly and leaves no key in the address bar');
} catch (error) {
  check(false, `unexpected: ${error.message}`);
} finally {
  await browser.close();
}
console.log(results.join('\n'));
