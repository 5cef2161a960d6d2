// Opens a served page in headless Chromium, edits a file of the portal, and waits for the
// page to reload with the new text. Prints {"reload_ms": N}: save to new text on screen.
//
//   node livereload.mjs URL FILE FROM TO EXPECT
import fs from 'node:fs';
import { launch } from './chromium.mjs';

const [url, file, from, to, expected] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const listening = page.waitForResponse((r) => r.url().includes('/__portico/events'));
  await page.goto(url);
  await listening;
  if (await page.evaluate((text) => document.body.innerText.includes(text), expected)) {
    throw new Error(`the page already shows ${JSON.stringify(expected)}`);
  }
  const reloaded = page.waitForEvent('load', { timeout: 10000 });
  const saved = Date.now();
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  fs.writeFileSync(file, text.replace(from, to));
  await reloaded;
  await page.waitForFunction((t) => document.body.innerText.includes(t), expected, { timeout: 10000 });
  console.log(JSON.stringify({ reload_ms: Date.now() - saved }));
} finally {
  await browser.close();
}
