// portico: opens an encrypted portal page in this browser.
//
// The page arrives as AES-256-GCM ciphertext with key slots: the content key wrapped under a
// key derived (PBKDF2-HMAC-SHA256) from each reader's password. Nothing is sent anywhere.
// The content key is kept in sessionStorage for this tab, so moving between pages does not
// ask again; "Remember on this device" keeps the derived key (never the password) in
// localStorage; "Log out" forgets both. A link ending in #key=... opens the portal directly;
// the fragment never reaches the server and is removed from the address bar at once.
(() => {
  'use strict';
  const payloadNode = document.getElementById('portico-payload');
  if (!payloadNode || window.porticoOpened) return;
  const script = document.currentScript;
  // The portal's root: this script lives in <root>assets/.
  const root = new URL('..', script.src).href;
  const storageKey = `portico:${root}`;
  const encoder = new TextEncoder();
  const subtle = window.crypto && window.crypto.subtle;

  const fromB64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toB64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const fromB64Url = (text) => fromB64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

  const slots = JSON.parse(document.getElementById('portico-slots').textContent);
  const payload = fromB64(payloadNode.textContent.trim());
  const form = document.getElementById('portico-unlock');
  const status = document.getElementById('portico-status');

  async function decrypt(keyBytes, sealed) {
    const key = await subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, 12) }, key, sealed.slice(12)));
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

  // The content key from a slot's derived key; null when it is not that slot's.
  async function unwrap(derived) {
    for (const slot of slots) {
      try {
        return await decrypt(derived, fromB64(slot.key));
      } catch {
        // Not this slot.
      }
    }
    return null;
  }

  function forget() {
    sessionStorage.removeItem(storageKey);
    localStorage.removeItem(storageKey);
  }

  async function attachmentUrl(key, path) {
    const hmacKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const id = hex(new Uint8Array(await subtle.sign('HMAC', hmacKey, encoder.encode(path)))).slice(0, 32);
    const response = await fetch(`${root}files/${id}.bin`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    const plain = await decrypt(key, new Uint8Array(await response.arrayBuffer()));
    return URL.createObjectURL(new Blob([plain]));
  }

  // Attachments and images are encrypted too: fetch, decrypt, hand over as a blob.
  function wireAttachments(key) {
    const filesRoot = `${root}files/`;
    const pathOf = (url) => (url.startsWith(filesRoot) ? decodeURIComponent(url.slice(root.length).split(/[?#]/)[0]) : null);
    for (const img of document.querySelectorAll('img[src]')) {
      const path = pathOf(img.src);
      if (path) attachmentUrl(key, path).then((url) => { img.src = url; }).catch(() => {});
    }
    document.addEventListener('click', async (event) => {
      const link = event.target.closest && event.target.closest('a[href]');
      const path = link && pathOf(link.href);
      if (!path) return;
      event.preventDefault();
      const download = document.createElement('a');
      download.href = await attachmentUrl(key, path);
      download.download = path.split('/').pop();
      document.body.append(download);
      download.click();
      download.remove();
    });
  }

  function addLogOut() {
    const list = document.querySelector('nav.sections ul');
    if (!list) return;
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'log-out';
    button.textContent = 'Log out';
    button.addEventListener('click', () => {
      forget();
      location.reload();
    });
    item.append(button);
    list.append(item);
  }

  async function show(key) {
    const html = new TextDecoder().decode(await decrypt(key, payload));
    window.porticoOpened = true;
    document.open();
    document.write(html);
    document.close();
    addLogOut();
    wireAttachments(key);
  }

  async function start() {
    if (!subtle) {
      form.hidden = true;
      status.textContent = 'This browser cannot decrypt the portal here: open it over https.';
      return;
    }
    const fragment = new URLSearchParams(location.hash.slice(1)).get('key');
    if (fragment) {
      history.replaceState(null, '', location.pathname + location.search);
      sessionStorage.setItem(storageKey, toB64(fromB64Url(fragment)));
    }
    try {
      const session = sessionStorage.getItem(storageKey);
      if (session) return await show(fromB64(session));
      const remembered = localStorage.getItem(storageKey);
      if (remembered) {
        const key = await unwrap(fromB64(remembered));
        if (key) {
          sessionStorage.setItem(storageKey, toB64(key));
          return await show(key);
        }
        localStorage.removeItem(storageKey);
      }
    } catch {
      forget();
    }
    form.hidden = false;
    document.getElementById('portico-password').focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = document.getElementById('portico-password').value;
    const remember = document.getElementById('portico-remember').checked;
    status.textContent = 'Opening…';
    for (const slot of slots) {
      const derived = await derive(password, slot);
      let key;
      try {
        key = await decrypt(derived, fromB64(slot.key));
      } catch {
        continue;
      }
      sessionStorage.setItem(storageKey, toB64(key));
      if (remember) localStorage.setItem(storageKey, toB64(derived));
      return show(key);
    }
    status.textContent = 'That password did not open the portal.';
  });

  start();
})();
