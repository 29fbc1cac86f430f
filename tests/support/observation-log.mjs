// A heavy-use observation log for the end-to-end test and the benchmark: 5,000
// clients and 20,000 observations, put in through the one bulk path the shipped
// extension has, the encrypted backup import (the `importBackup` message an
// options page sends once the coach has picked a file). The file is written in
// the options page itself, with WebCrypto, in the backup's own format
// (lib/store/backup.ts); nothing in the extension exists for tests.

export const SCALE = { clients: 5_000, observations: 20_000 };
export const SEED_PASSPHRASE = 'heavy use seed passphrase';

/**
 * Runs inside an extension page (page.evaluate): builds the backup and imports
 * it. Self-contained: it cannot see this module's scope. Returns the reply.
 */
async function seedInPage({ clients, observations, passphrase, now }) {
  const toBase64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const encoder = new TextEncoder();
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const hmac = await crypto.subtle.importKey(
    'raw',
    secret,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  // The same keyed hash as lib/crypto.ts keyedHash: base64url, no padding.
  const hash = async (text) =>
    toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(text))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const profileKeys = Array.from({ length: clients }, (_, i) => `fb:client.${i}.demo`);
  const hashes = await Promise.all(profileKeys.map(hash));
  const HOUR = 3_600_000;
  // Spread over the last 90 days, so that no closed one is past the 180-day retention.
  const step = Math.floor((90 * 24 * HOUR) / observations);
  const STATUSES = [
    'to-discuss',
    'to-discuss',
    'to-discuss',
    'to-discuss',
    'discussed',
    'discussed',
    'discussed',
    'shared',
    'shared',
    'no-action',
  ];
  const data = {
    version: 1,
    hmacSecret: toBase64(secret),
    clients: profileKeys.map((key, i) => ({
      id: `c${i}`,
      keyHashes: [hashes[i]],
      profileKeys: [key],
      label: `Client ${i}`,
      note: '',
      dischargedOn: null,
      addedAt: now - 200 * 24 * HOUR + i * 1000,
    })),
    decisions: [],
    observations: Array.from({ length: observations }, (_, i) => {
      const createdAt = now - (i + 1) * step;
      const status = STATUSES[i % STATUSES.length];
      const c = (i * 7) % clients;
      const discussedAt = status === 'discussed' || status === 'shared' ? createdAt + HOUR : null;
      return {
        id: `o${i}`,
        createdAt,
        platform: i % 3 === 0 ? 'instagram' : 'facebook',
        // One in fifty was noted from the context menu on a post whose author was not known.
        clientKeyHash: i % 50 === 49 ? null : hashes[c],
        postUrl:
          i % 3 === 0
            ? `https://www.instagram.com/p/C${i}/`
            : `https://www.facebook.com/client.${c}.demo/posts/${i}`,
        note: i % 2 === 0 ? `Check-in post ${i}` : '',
        status,
        discussedAt,
        sharedAt: status === 'shared' ? createdAt + 2 * HOUR : null,
        closedAt:
          status === 'shared'
            ? createdAt + 2 * HOUR
            : status === 'no-action'
              ? createdAt + HOUR
              : null,
        urgent: i % 25 === 0,
      };
    }),
    settings: {},
    audit: { items: [], history: [] },
  };
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const iterations = 600_000; // lib/crypto.ts PBKDF2_ITERATIONS, the backup's minimum
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const fileKey = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      fileKey,
      encoder.encode(JSON.stringify(data)),
    ),
  );
  const contents = JSON.stringify({
    format: 'clearline-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(sealed),
  });
  const reply = await chrome.runtime.sendMessage({
    clearline: 1,
    name: 'importBackup',
    payload: { contents, passphrase },
  });
  return { reply, bytes: contents.length };
}

/**
 * Fills Clearline with SCALE clients and observations from an open extension
 * page. Throws when the import is refused. Returns the file's size and the time taken.
 */
export async function seedObservationLog(page, scale = SCALE) {
  const started = Date.now();
  const { reply, bytes } = await page.evaluate(seedInPage, {
    ...scale,
    passphrase: SEED_PASSPHRASE,
    now: Date.now(),
  });
  if (!reply?.ok) throw new Error(`the seed import was refused: ${reply?.error ?? 'no reply'}`);
  if (reply.value.clients !== scale.clients)
    throw new Error(`the seed import took ${reply.value.clients} clients`);
  return { bytes, ms: Date.now() - started };
}

/**
 * Installed with evaluateOnNewDocument on the options page before it opens:
 * notes when the Observations section first shows a row, and when that frame
 * has been painted (the task after the next animation frame).
 */
export function firstPageProbe() {
  const probe = { sectionAt: null, rowAt: null, paintedAt: null };
  window.__observationLog = probe;
  const seen = new MutationObserver(() => {
    probe.sectionAt ??= document.querySelector('section[data-testid="observations"]')
      ? performance.now()
      : null;
    if (
      !document.querySelector('section[data-testid="observations"] li[data-testid="observation"]')
    )
      return;
    seen.disconnect();
    probe.rowAt = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        probe.paintedAt = performance.now();
      }, 0),
    );
  });
  seen.observe(document, { childList: true, subtree: true });
}

/**
 * Opens Settings → Observations (options.html#observations) in a new tab as a
 * coach would, and measures it: from the navigation's start to the first page
 * of observations painted; element counts then and once the page has settled
 * (the log page alone: Settings renders only the open page, and the client list
 * is not loaded there); the page's JS heap after garbage collection then.
 * Returns the page (still open) and the numbers.
 */
export async function openObservationLog(browser, extensionId, { timeout = 180_000 } = {}) {
  const page = await browser.newPage();
  await page.bringToFront();
  await page.evaluateOnNewDocument(firstPageProbe);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(`chrome-extension://${extensionId}/options.html#observations`, {
    waitUntil: 'domcontentloaded',
  });
  await page.waitForFunction(() => window.__observationLog?.paintedAt !== null, {
    timeout,
    polling: 50,
  });
  const probe = await page.evaluate(() => window.__observationLog);
  const count = () =>
    page.evaluate(() => ({
      page: document.getElementsByTagName('*').length,
      section: document.querySelectorAll('section[data-testid="observations"] *').length,
      rows: document.querySelectorAll('li[data-testid="observation"]').length,
    }));
  const atFirstPage = await count();
  // The lock and the database's problems (shown on every page) may still be on
  // their way: the page's size and heap are read once they are shown.
  await page.waitForSelector('[data-testid="settings-page"][data-page="observations"]', {
    timeout,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const settled = await count();
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  await cdp.detach();
  return {
    page,
    measured: {
      firstPageMs: probe.paintedAt,
      sectionToFirstPageMs: probe.sectionAt === null ? null : probe.paintedAt - probe.sectionAt,
      /** Elements when the first page was shown, and once the page had settled. */
      elementsAtFirstPage: atFirstPage,
      elements: settled,
      jsHeapUsedBytes: heap,
    },
  };
}
