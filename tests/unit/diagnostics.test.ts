// @vitest-environment happy-dom
// The page diagnostics: which checks apply, what they found, and the address
// shown to the coach with every name, id and code taken out.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  PROFILE_CONTROLS_SETTLE_MS,
  browserVersion,
  failedChecks,
  nextSettleAt,
  readDiagnostics,
  redactedPath,
  somethingUnrecognized,
} from '../../lib/diagnostics';
import { PageStatusSchema } from '../../lib/messaging';
import { readPageStatus } from '../../lib/content/runtime';
import { facebook } from '../../lib/sites/facebook';
import { page } from './sites/actions-support';

const docWithLang = (lang: string | null) => {
  const doc = document.implementation.createHTMLDocument('x');
  if (lang !== null) doc.documentElement.setAttribute('lang', lang);
  return doc;
};

describe('readDiagnostics', () => {
  it('knows English and Spanish pages, in any regional form', () => {
    for (const lang of ['en', 'en-US', 'es', 'es_LA', 'ES-419']) {
      const d = readDiagnostics(docWithLang(lang), 'home', 'unknown');
      expect(d.checks, lang).toEqual([{ id: 'language', found: true }]);
    }
    expect(readDiagnostics(docWithLang('es_LA'), 'home', 'unknown').lang).toBe('es-LA');
  });

  it('says so for a page in another language, and judges none without a language', () => {
    const cs = readDiagnostics(docWithLang('cs'), 'home', 'unknown');
    expect(cs.checks).toEqual([{ id: 'language', found: false }]);
    expect(somethingUnrecognized(cs)).toBe(true);
    const none = readDiagnostics(docWithLang(null), 'home', 'unknown');
    expect(none).toEqual({ lang: '', checks: [] });
    expect(somethingUnrecognized(none)).toBe(false);
  });

  it('checks profile buttons on profiles only', () => {
    expect(readDiagnostics(docWithLang('en'), 'profile', 'unknown').checks).toContainEqual({
      id: 'profile-controls',
      found: false,
    });
    expect(readDiagnostics(docWithLang('en'), 'profile', 'own').checks).toContainEqual({
      id: 'profile-controls',
      found: true,
    });
    expect(readDiagnostics(docWithLang('en'), 'post', 'unknown').checks).toHaveLength(1);
  });

  it('is part of the page status, which the background accepts', () => {
    for (const file of [
      'practice/facebook/profile-other.html',
      'practice/facebook/profile-other-cs.html',
    ]) {
      const { doc, url } = page(file);
      const status = readPageStatus(facebook, url, doc);
      expect(v.safeParse(PageStatusSchema, status).success, file).toBe(true);
      expect(somethingUnrecognized(status.diagnostics), file).toBe(file.endsWith('-cs.html'));
    }
  });
});

describe('redactedPath', () => {
  const path = (url: string) => redactedPath(new URL(url));
  it('keeps feature words and hides names, ids and codes', () => {
    expect(path('https://www.facebook.com/alex.rivera.demo?locale=cs_CZ')).toBe('/…');
    expect(path('https://www.facebook.com/alex.rivera.demo/posts/pfbid02demo')).toBe('/…/posts/…');
    expect(path('https://www.facebook.com/profile.php?id=100012345678901')).toBe('/profile.php');
    expect(path('https://www.facebook.com/messages/t/100012345678901')).toBe('/messages/t/…');
    expect(path('https://www.facebook.com/settings/?tab=privacy')).toBe('/settings/');
    expect(path('https://www.instagram.com/accounts/privacy_and_security/')).toBe(
      '/accounts/privacy_and_security/',
    );
    expect(path('https://www.instagram.com/maria.lopez.demo/p/Cx1/')).toBe('/…/p/…/');
    expect(path('https://www.facebook.com/')).toBe('/');
  });
});

it('names the browser and its version', () => {
  expect(
    browserVersion(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36',
    ),
  ).toBe('Chromium 131.0.6778.85');
  expect(
    browserVersion('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'),
  ).toBe('Firefox 140.0');
});

describe('failedChecks', () => {
  const lang = (found: boolean) => ({ id: 'language' as const, found });
  const controls = (found: boolean) => ({ id: 'profile-controls' as const, found });
  it('counts a language at once and missing profile buttons only once the page had time', () => {
    const d = { lang: 'cs', checks: [lang(false), controls(false)] };
    expect(failedChecks(d, 1_000, 1_000)).toEqual(['language']);
    expect(nextSettleAt(d, 1_000, 1_000)).toBe(1_000 + PROFILE_CONTROLS_SETTLE_MS);
    expect(failedChecks(d, 1_000, 1_000 + PROFILE_CONTROLS_SETTLE_MS)).toEqual([
      'language',
      'profile-controls',
    ]);
    expect(nextSettleAt(d, 1_000, 1_000 + PROFILE_CONTROLS_SETTLE_MS)).toBeNull();
    const fine = { lang: 'en', checks: [lang(true), controls(true)] };
    expect(failedChecks(fine, 0, 60_000)).toEqual([]);
    expect(nextSettleAt(fine, 0, 0)).toBeNull();
    expect(failedChecks(undefined, 0, 0)).toEqual([]);
  });
});
