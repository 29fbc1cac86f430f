// The offline practice site: fixture pages answered at the real Facebook and
// Instagram addresses by request interception, so content scripts run on them
// exactly as on the live sites. Every other request is answered 404: nothing
// reaches the network.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

/** @typedef {{ url: string, file: string, real?: boolean }} Route */

/** @returns {Route[]} */
export function loadRoutes() {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'practice/routes.json'), 'utf8'));
}

// Captured pages carry the sites' own scripts, which would try to reach the network.
export function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '');
}

// A policy like the one Facebook sends: the extension must work under it.
const SITE_CSP =
  "default-src * data: blob: 'self'; script-src 'self' 'unsafe-inline'; style-src * 'unsafe-inline'; connect-src 'self'; frame-ancestors 'self'";

const key = (url) => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

/**
 * Answers a page's requests from the practice site.
 * @param {import('puppeteer-core').Page} page
 * @param {{ routes?: Route[], extra?: Record<string, string>, onRequest?: (url: string) => void }} [options]
 *   extra: url -> HTML served as-is (for a test's own hostile pages).
 */
export async function servePracticeSite(page, options = {}) {
  const routes = new Map((options.routes ?? loadRoutes()).map((r) => [key(r.url), r]));
  const extra = new Map(Object.entries(options.extra ?? {}).map(([u, html]) => [key(u), html]));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (/^(chrome-extension|data|blob|about):/.test(url)) return void request.continue();
    options.onRequest?.(url);
    const k = /^https?:/.test(url) ? key(url) : url;
    let body = extra.get(k);
    const route = routes.get(k);
    if (body === undefined && route) {
      const html = readFileSync(join(FIXTURES_DIR, route.file), 'utf8');
      body = route.real ? stripScripts(html) : html;
    }
    if (body === undefined || request.resourceType() !== 'document') {
      return void request.respond({
        status: 404,
        contentType: 'text/plain',
        body: 'not in the practice site',
      });
    }
    return void request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': SITE_CSP },
      body,
    });
  });
}
