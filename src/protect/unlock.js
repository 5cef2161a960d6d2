// portico: opens an encrypted portal page in this browser.
//
// Each page file holds the lock page, the key slots and the page as AES-256-GCM ciphertext.
// A slot is the content key wrapped under a key derived (PBKDF2-HMAC-SHA256) from a reader's
// password. The content key gives two subkeys (HKDF-SHA256): one decrypts, one names files.
// Every ciphertext is bound to the file it is stored in (AES-GCM associated data: its kind
// and path), so a page moved to another address does not open there.
//
// Pages are stored under opaque names. A decrypted page carries its own path in the portal,
// so its links are resolved as if it were there, then pointed at the opaque files, all in an
// inert document (DOMParser) before anything is shown: the browser never requests a file by
// its real name. Images and attachments are fetched encrypted and decrypted here; the
// client's stylesheet travels inside each page.
//
// Nothing is sent anywhere. The content key is kept in sessionStorage for this tab, so moving
// between pages does not ask again; "Remember on this device" (offered only when the portal
// has an address of its own) keeps the derived key, never the password, in localStorage;
// "Log out" forgets both. A link ending in #key=... opens the portal directly; the fragment
// never reaches the server and is removed from the address bar at once. Every text shown
// comes from the lock page (its <template> elements), so a theme can word or translate it.
(() => {
  'use strict';
  const payloadNode = document.getElementById('portico-payload');
  const slotsNode = document.getElementById('portico-slots');
  const form = document.getElementById('portico-unlock');
  const status = document.getElementById('portico-status');
  const passwordInput = document.getElementById('portico-password');
  if (!payloadNode || !slotsNode || !form || !status || !passwordInput) return;
  // The same bound as portico's (protect::crypto::ITERATIONS): a slot claiming more rounds
  // did not come from portico, and deriving from it could keep this tab busy for hours.
  const MAX_ITERATIONS = 600000;
  // The portal's root: this script lives in <root>assets/.
  const root = new URL('..', document.currentScript.src).href;
  const storageKey = `portico:${root}`;
  const encoder = new TextEncoder();
  const subtle = window.crypto && window.crypto.subtle;
  const rememberBox = document.getElementById('portico-remember');

  const messages = {};
  const messageTemplate = document.getElementById('portico-messages');
  for (const node of messageTemplate ? messageTemplate.content.querySelectorAll('[data-message]') : []) {
    messages[node.dataset.message] = node.textContent.trim();
  }
  const logOutTemplate = document.getElementById('portico-log-out');
  const logOutContent = logOutTemplate ? logOutTemplate.content : null;
  const say = (key) => {
    status.textContent = messages[key] || '';
  };

  const fromB64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toB64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const fromB64Url = (text) => {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    return fromB64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  };
  const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const store = {
    get: (area, key) => {
      try {
        return window[area].getItem(key);
      } catch {
        return null;
      }
    },
    set: (area, key, value) => {
      try {
        window[area].setItem(key, value);
      } catch {
        // Storage turned off: the reader types the password on each page.
      }
    },
    remove: (area, key) => {
      try {
        window[area].removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };

  let slots = [];
  try {
    slots = JSON.parse(slotsNode.textContent).filter(
      (s) => Number.isInteger(s.iterations) && s.iterations >= 1 && s.iterations <= MAX_ITERATIONS,
    );
  } catch {
    slots = [];
  }

  // What a ciphertext is bound to: its kind and the path it is stored at (as in Rust).
  const associated = (kind, path) => encoder.encode(`portico/1 ${kind} ${path}`);

  async function open(key, kind, path, sealed) {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData: associated(kind, path) },
      key,
      sealed.slice(12),
    );
    return new Uint8Array(plain);
  }

  async function derive(password, slot) {
    const base = await subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle.deriveBits(
      { name: 'PBKDF2', salt: fromB64(slot.salt), iterations: slot.iterations, hash: 'SHA-256' },
      base,
      256,
    );
    return new Uint8Array(bits);
  }

  async function unwrap(derived, slot) {
    const key = await subtle.importKey('raw', derived, 'AES-GCM', false, ['decrypt']);
    return open(key, 'slot', '', fromB64(slot.key));
  }

  // The content key from a slot's derived key; null when it is no slot's.
  async function unwrapAny(derived) {
    for (const slot of slots) {
      try {
        return await unwrap(derived, slot);
      } catch {
        // Not this slot.
      }
    }
    return null;
  }

  async function subkeys(content) {
    const base = await subtle.importKey('raw', content, 'HKDF', false, ['deriveKey']);
    const info = (label) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(label) });
    return {
      encrypt: await subtle.deriveKey(info('portico encrypt v1'), base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']),
      names: await subtle.deriveKey(info('portico names v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    };
  }

  async function opaqueName(keys, kind, path) {
    const mac = new Uint8Array(await subtle.sign('HMAC', keys.names, associated(kind, path)));
    return hex(mac.slice(0, 16));
  }
  const pageFile = async (keys, path) => (path === 'index.html' ? path : `${await opaqueName(keys, 'page', path)}.html`);
  const attachmentFile = async (keys, path) => `files/${await opaqueName(keys, 'file', path)}.bin`;

  // A path in the portal from an address under its root; '' and '…/' name index.html, and a
  // host that drops '.html' from addresses gets it back.
  function portalPath(url, isPage) {
    const bare = new URL(url);
    bare.hash = '';
    bare.search = '';
    if (!bare.href.startsWith(root)) return null;
    let path = decodeURIComponent(bare.href.slice(root.length));
    if (path === '' || path.endsWith('/')) path += 'index.html';
    else if (isPage && !/\.[A-Za-z0-9]+$/.test(path)) path += '.html';
    return path;
  }

  function forget() {
    store.remove('sessionStorage', storageKey);
    store.remove('localStorage', storageKey);
  }

  class Misplaced extends Error {}

  async function fetchAttachment(keys, file) {
    const response = await fetch(root + file);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return open(keys.encrypt, 'file', file, new Uint8Array(await response.arrayBuffer()));
  }

  const IMAGE_TYPES = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

  // Images are decrypted into blobs; links to attachments download them decrypted (always as
  // a download, never opened as a page of this origin).
  function wireAttachments(keys, images) {
    for (const img of images) {
      const ext = img.dataset.porticoName.split('.').pop().toLowerCase();
      fetchAttachment(keys, img.dataset.porticoFile)
        .then((plain) => {
          img.src = URL.createObjectURL(new Blob([plain], { type: IMAGE_TYPES[ext] || 'application/octet-stream' }));
        })
        .catch(() => {});
    }
    document.addEventListener('click', async (event) => {
      const link = event.target.closest && event.target.closest('a[data-portico-file]');
      if (!link) return;
      event.preventDefault();
      try {
        const plain = await fetchAttachment(keys, link.dataset.porticoFile);
        const download = document.createElement('a');
        download.href = URL.createObjectURL(new Blob([plain], { type: 'application/octet-stream' }));
        download.download = link.dataset.porticoName;
        document.body.append(download);
        download.click();
        download.remove();
      } catch {
        const note = document.createElement('span');
        note.setAttribute('role', 'alert');
        note.textContent = ` ${messages['attachment-failed'] || ''}`;
        link.after(note);
      }
    });
  }

  function addLogOut() {
    const list = document.querySelector('nav.sections ul');
    if (!list || !logOutContent) return;
    const item = logOutContent.cloneNode(true);
    const button = item.querySelector('button');
    if (button) {
      button.addEventListener('click', () => {
        forget();
        location.reload();
      });
    }
    list.append(item);
  }

  // Decrypts this page with the content key and shows it. Throws Misplaced when the
  // ciphertext is not this file's (or the key is not this portal's).
  async function show(content) {
    const keys = await subkeys(content);
    const here = portalPath(location.href, true);
    let envelope;
    try {
      const payload = fromB64(payloadNode.textContent.trim());
      const plain = await open(keys.encrypt, 'page', here, payload);
      envelope = JSON.parse(new TextDecoder().decode(plain));
    } catch {
      throw new Misplaced();
    }
    if (!envelope.html) {
      // A section this client has no data for: nothing links here.
      location.replace(root);
      return;
    }
    const styles = envelope.styles || {};
    const base = new URL(envelope.path, root);
    const doc = new DOMParser().parseFromString(envelope.html, 'text/html');
    const images = [];
    const sheets = [];
    const jobs = [];
    for (const el of doc.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const raw = el.getAttribute(attr);
        if (raw === null || raw.startsWith('#')) continue;
        let url;
        try {
          url = new URL(raw, base);
        } catch {
          continue;
        }
        const path = portalPath(url.href, false);
        if (path === null) continue; // elsewhere: mailto:, https://…
        if (Object.hasOwn(styles, path)) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(styles[path]);
          sheets.push(sheet);
          el.remove();
          break;
        }
        if (path.startsWith('files/')) {
          jobs.push(
            attachmentFile(keys, path).then((file) => {
              el.dataset.porticoFile = file;
              el.dataset.porticoName = path.split('/').pop();
              if (attr === 'src') {
                el.removeAttribute('src');
                images.push(el);
              } else {
                el.setAttribute('href', root + file);
              }
            }),
          );
        } else if (path.endsWith('.html')) {
          jobs.push(pageFile(keys, path).then((file) => el.setAttribute(attr, root + file + url.hash)));
        } else {
          // The theme's own files (its stylesheet): as they are, from the root.
          el.setAttribute(attr, url.href);
        }
      }
    }
    await Promise.all(jobs);
    document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
    if (location.hash.length > 1) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
    addLogOut();
    wireAttachments(keys, images);
  }

  function showForm(message) {
    form.hidden = false;
    if (message) say(message);
    passwordInput.focus();
  }

  async function start() {
    if (!subtle) {
      say('no-crypto');
      return;
    }
    if (!rememberBox) store.remove('localStorage', storageKey);
    let badLink = false;
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.has('key')) {
      history.replaceState(null, '', location.pathname + location.search);
      try {
        const key = fromB64Url(fragment.get('key'));
        if (key.length !== 32) throw new Error('not a key');
        store.set('sessionStorage', storageKey, toB64(key));
      } catch {
        badLink = true;
      }
    }
    try {
      const session = store.get('sessionStorage', storageKey);
      if (session) return await show(fromB64(session));
      const remembered = rememberBox ? store.get('localStorage', storageKey) : null;
      if (remembered) {
        const content = await unwrapAny(fromB64(remembered));
        if (content) {
          store.set('sessionStorage', storageKey, toB64(content));
          return await show(content);
        }
      }
    } catch {
      // A stale or foreign key, or a page that is not this file's: ask for the password.
    }
    forget();
    showForm(badLink ? 'bad-link' : null);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = passwordInput.value;
    const remember = rememberBox && rememberBox.checked;
    say('opening');
    let content = null;
    let derived = null;
    for (const slot of slots) {
      try {
        derived = await derive(password, slot);
        content = await unwrap(derived, slot);
        break;
      } catch {
        content = null;
      }
    }
    if (!content) {
      say('wrong-password');
      return;
    }
    store.set('sessionStorage', storageKey, toB64(content));
    if (remember) store.set('localStorage', storageKey, toB64(derived));
    try {
      await show(content);
    } catch {
      // The password is right (its slot opened), so the page is not this file's.
      say('misplaced');
    }
  });

  start().catch(() => showForm(null));
})();
