// The client's reading experience, judged by checkers nobody on the project wrote.
//
//   node checks.mjs ROOT
//
// ROOT holds built portals under agency/<portal>/ (run.sh lays them out). A static server
// serves ROOT, so every portal lives under a sub-path, /agency/<portal>/<client>/, as it
// would on a real host. For every page, in headless Chromium:
//   - axe-core with its default rules: no violations of any impact;
//   - JavaScript disabled: the same text as with it enabled (a protected portal's lock page
//     instead says it needs JavaScript);
//   - on each overview, the "Waiting for you" card starts in the first screen at 360 px;
//   - 360 px wide: no horizontal scrolling (and axe again on a protected portal's lock page),
//     and every tap target at least 24x24 px unless
//     it is a link inside a sentence (WCAG 2.5.8's inline exception); no scroll container
//     hides anything sideways (scrollWidth <= clientWidth + 1), no text renders below
//     11 CSS px (SVG text measured at its drawn scale);
//   - 1280 px wide: no card's text overflows its box, and no SVG text sticks out of its SVG
//     (at 360 px too);
//   - every request stays under the portal's client folder and succeeds;
//   - served with the Content-Security-Policy portico writes into `_headers`, no violation
//     is reported in the console;
// and for every report page and print pack, printed on A4: the navigation is hidden, nothing is cut, and
// no page holds only the footer (the footer adds no page of its own).
// Exits non-zero on any failure, after printing them all and a summary.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';

const root = path.resolve(process.argv[2] ?? '');
const here = path.dirname(new URL(import.meta.url).pathname);
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

function pages(dir, base = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) return pages(path.join(dir, e.name), rel);
    return e.name.endsWith('.html') ? [rel] : [];
  });
}

async function staticServer() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return { server, origin: `http://127.0.0.1:${port}` };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  server.kill();
  throw new Error('the static server did not start');
}

// The policy portico writes for Netlify and Cloudflare into a client folder's _headers (its
// first rule, for every page): the client's own when it has one (a protected client's allows
// its unlock script), else a protected fixture's for a lock page, else the example portal's.
function policy(file) {
  const headers = fs.readFileSync(file, 'utf8');
  const line = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
  if (!line) throw new Error(`no Content-Security-Policy in ${file}`);
  return line.split(':').slice(1).join(':').trim();
}
const defaultCsp = policy(path.join(root, 'agency/example/kordaal-foods/_headers'));
const protectedCsp = policy(path.join(root, 'agency/protected/acme/_headers'));
const isLockPage = (rel) => fs.readFileSync(path.join(root, rel), 'utf8').includes('id="portico-payload"');
// The portfolio is never deployed, so it has no _headers: its pages state their policy in
// a <meta> (which allows its sorting script), and are served with that same policy.
const metaPolicy = (rel) => {
  const html = fs.readFileSync(path.join(root, rel), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  return m ? m[1].replaceAll('&#x27;', "'").replaceAll('&#39;', "'") : null;
};
const cspFor = (rel) => {
  const stated = metaPolicy(rel);
  if (stated) return stated;
  const own = path.join(root, ...rel.split('/').slice(0, 3), '_headers');
  if (fs.existsSync(own)) return policy(own);
  return isLockPage(rel) ? protectedCsp : defaultCsp;
};

const failures = [];
const fail = (page, what) => failures.push(`${page}: ${what}`);
const counts = { pages: 0, cspViolations: 0, axeViolations: 0, noJs: 0, overflow: 0, tapTargets: 0, requests: 0, print: 0, printed: 0, scrollers: 0, smallText: 0, cardOverflow: 0, svgText: 0 };

// Runs in the page: what the layout hides or shrinks. Scroll containers that hide content
// sideways, text drawn below 11 CSS px (SVG text scaled by its drawing), SVG text outside
// its SVG's box, and (with `cards`) text overflowing a card's box.
const layoutProblems = ({ cards }) => {
  const out = { scrollers: [], small: [], svgText: [], cards: [] };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && visible(el)) {
      out.scrollers.push(`${name(el)} ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim()) continue;
    seen.add(el);
    if (el.closest('title, script, style, template, noscript, .visually-hidden, .skip-link')) continue;
    if (!visible(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg) {
      const m = el.getScreenCTM ? el.getScreenCTM() : svg.getScreenCTM();
      if (m) size *= Math.hypot(m.a, m.b);
      const t = el.getBoundingClientRect();
      const b = svg.getBoundingClientRect();
      if (t.left < b.left - 1 || t.right > b.right + 1 || t.top < b.top - 1 || t.bottom > b.bottom + 1) {
        out.svgText.push(`"${node.textContent.trim().slice(0, 30)}" in ${name(svg)}`);
      }
    }
    if (size < 11 - 0.01) out.small.push(`"${node.textContent.trim().slice(0, 30)}" at ${size.toFixed(1)} px`);
  }
  if (cards) {
    for (const card of document.querySelectorAll('.card, .headline, .change, .decision, .kpi, .report-header, .report-list li')) {
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll('*')) {
        if (el.closest('.scroll')) continue; // a table's region scrolls; checked above
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > box.right + 1 || r.left < box.left - 1) {
          out.cards.push(`${name(el)} "${(el.innerText || el.textContent || '').trim().slice(0, 30)}" leaves ${name(card)}`);
          break;
        }
      }
    }
  }
  return out;
};

const { server, origin } = await staticServer();
const browser = await launch();
try {
  const all = pages(root);
  if (!all.length) fail(root, 'no pages to check');
  const withJs = await browser.newContext();
  const withoutJs = await browser.newContext({ javaScriptEnabled: false });
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const printer = await browser.newContext();
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const checkPage = async (rel) => {
    counts.pages++;
    const url = `${origin}/${rel}`;
    // agency/<portal>/<client>/...: every request must stay under the client's folder.
    const clientPrefix = `${origin}/${rel.split('/').slice(0, 3).join('/')}/`;

    const page = await withJs.newPage();
    // Serve every response with the policy, as the host would.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': cspFor(rel) } });
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) {
        counts.cspViolations++;
        fail(rel, `CSP violation: ${message.text()}`);
      }
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(clientPrefix)) {
        counts.requests++;
        fail(rel, `requests ${r.url()}, outside ${clientPrefix}`);
      }
    });
    page.on('response', (r) => {
      if (r.status() >= 400) {
        counts.requests++;
        fail(rel, `${r.url()} answered ${r.status()}`);
      }
    });
    await page.goto(url);
    // A protected portal's page is its lock page: the unlock script shows the form.
    const locked = await page.evaluate(() => !!document.getElementById('portico-payload'));
    if (locked) await page.waitForSelector('#portico-unlock:not([hidden])');
    const text = await page.evaluate(() => document.body.innerText);
    await page.evaluate(axeSource);
    const axe = await page.evaluate(() => window.axe.run(document));
    for (const v of axe.violations) {
      counts.axeViolations += v.nodes.length;
      fail(rel, `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    await page.close();

    const plain = await withoutJs.newPage();
    await plain.goto(url);
    const plainText = await plain.evaluate(() => document.body.innerText);
    if (locked) {
      // Without JavaScript a lock page cannot decrypt: it must say so, and still say whose
      // portal this is and how to get access.
      const says = await plain.evaluate(() => {
        const note = document.querySelector('noscript');
        return !!note && document.body.innerText.includes(note.textContent.trim().slice(0, 40)) && !!document.querySelector('main h1');
      });
      if (!says) {
        counts.noJs++;
        fail(rel, 'a lock page without JavaScript does not say it needs it');
      }
    } else if (!plainText.trim() || plainText !== text) {
      counts.noJs++;
      fail(rel, 'shows different content without JavaScript');
    }
    await plain.close();

    const small = await phone.newPage();
    await small.goto(url);
    if (locked) {
      // A lock page is a reader's first sight of the portal, often on a phone: axe there too.
      await small.waitForSelector('#portico-unlock:not([hidden])');
      await small.evaluate(axeSource);
      const narrow = await small.evaluate(() => window.axe.run(document));
      for (const v of narrow.violations) {
        counts.axeViolations += v.nodes.length;
        fail(rel, `axe at 360 px ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    const layout = await small.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const tooSmall = [];
      for (const el of document.querySelectorAll('a[href], button, summary, input, select, textarea')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered
        if (r.width >= 24 && r.height >= 24) continue;
        // A link inside a sentence is exempt: its block holds other text too.
        const style = getComputedStyle(el);
        const block = el.closest('p, li, td, th, dd, figcaption, blockquote');
        const inSentence = style.display === 'inline' && block && block.innerText.trim().length > el.innerText.trim().length;
        if (!inSentence) tooSmall.push(`${el.tagName.toLowerCase()} "${el.innerText.trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      return { scroll: document.documentElement.scrollWidth, width, tooSmall };
    });
    // An overview tells the client in its first screen what they owe: the "Waiting for
    // you" card starts within the first 740 px of a 360 px wide phone.
    if (/^agency\/[^/]+\/[^/]+\/index\.html$/.test(rel) && !rel.startsWith('agency/internal/') && !locked) {
      const top = await small.evaluate(() => {
        const card = document.getElementById('waiting');
        return card ? card.getBoundingClientRect().top + window.scrollY : null;
      });
      if (top === null) fail(rel, 'the overview has no "Waiting for you" card');
      else if (top >= 740) fail(rel, `"Waiting for you" starts ${Math.round(top)} px down, below the first screen at 360 px`);
    }
    if (layout.scroll > layout.width) {
      counts.overflow++;
      fail(rel, `scrolls sideways at 360 px (${layout.scroll} px wide)`);
    }
    for (const t of layout.tooSmall) {
      counts.tapTargets++;
      fail(rel, `tap target under 24x24 px: ${t}`);
    }
    const narrow = await small.evaluate(layoutProblems, { cards: false });
    for (const s of narrow.scrollers) {
      counts.scrollers++;
      fail(rel, `at 360 px, hides content sideways: ${s}`);
    }
    for (const t of narrow.small.slice(0, 5)) {
      counts.smallText++;
      fail(rel, `at 360 px, text below 11 px: ${t}`);
    }
    for (const t of narrow.svgText.slice(0, 5)) {
      counts.svgText++;
      fail(rel, `at 360 px, SVG text outside its chart: ${t}`);
    }
    await small.close();

    const wide = await desktop.newPage();
    await wide.goto(url);
    const broad = await wide.evaluate(layoutProblems, { cards: true });
    for (const c of broad.cards) {
      counts.cardOverflow++;
      fail(rel, `at 1280 px, text overflows its card: ${c}`);
    }
    for (const t of broad.svgText.slice(0, 5)) {
      counts.svgText++;
      fail(rel, `at 1280 px, SVG text outside its chart: ${t}`);
    }
    await wide.close();

    if (/\/(reports\/[^/]+|print)\/index\.html$/.test(rel)) {
      counts.printed++;
      const sheet = await printer.newPage();
      await sheet.goto(url);
      await sheet.emulateMedia({ media: 'print' });
      // A4 at 96 dpi less Chromium's default 1 cm margins: 718 px of width.
      await sheet.setViewportSize({ width: 718, height: 1047 });
      const print = await sheet.evaluate(() => {
        const nav = document.querySelector('nav.sections');
        const navShown = nav && getComputedStyle(nav).display !== 'none';
        const width = document.documentElement.clientWidth;
        const cut = [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : ''));
        return { navShown, cut: cut.slice(0, 5), scroll: document.documentElement.scrollWidth, width };
      });
      const pdf = await sheet.pdf({ format: 'A4' });
      // The footer must not take a page of its own: the printout without it has as many.
      const pageCount = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      await sheet.addStyleTag({ content: '.site-footer { display: none !important; }' });
      const withoutFooter = await sheet.pdf({ format: 'A4' });
      if (pageCount(pdf) > pageCount(withoutFooter)) {
        counts.print++;
        fail(rel, `printing gives a page holding only the footer (${pageCount(pdf)} pages, ${pageCount(withoutFooter)} without the footer)`);
      }
      if (print.navShown) {
        counts.print++;
        fail(rel, 'navigation is printed');
      }
      if (print.cut.length || print.scroll > print.width || pdf.length < 1000) {
        counts.print++;
        fail(rel, `content cut when printed on A4: ${print.cut.join(', ')}`);
      }
      await sheet.close();
    }
  };
  // A few pages at a time: Chromium renders in parallel while axe runs.
  const queue = [...all];
  const worker = async () => {
    while (queue.length) await checkPage(queue.shift());
  };
  await Promise.all([worker(), worker(), worker()]);
} finally {
  await browser.close();
  server.kill();
}

for (const f of failures) console.log(`FAIL ${f}`);
console.log(
  `pages: ${counts.pages}; CSP violations: ${counts.cspViolations}; axe violations: ${counts.axeViolations}; differ without JS: ${counts.noJs}; ` +
    `sideways scrolling at 360 px: ${counts.overflow}; tap targets under 24 px: ${counts.tapTargets}; ` +
    `requests outside the sub-path or failing: ${counts.requests}; report pages and print packs printed to A4: ${counts.printed}, ` +
    `with navigation, cut content or a footer-only page: ${counts.print}; scroll containers hiding content at 360 px: ${counts.scrollers}; ` +
    `text below 11 px at 360 px: ${counts.smallText}; cards overflowing at 1280 px: ${counts.cardOverflow}; SVG text outside its chart: ${counts.svgText}`,
);
process.exit(failures.length ? 1 : 0);
