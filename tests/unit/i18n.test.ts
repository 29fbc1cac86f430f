import { describe, expect, it } from 'vitest';
import { catalog, resolveLocale, translate, LOCALES } from '../../lib/i18n';

const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locale files', () => {
  const en = catalog('en');
  const es = catalog('es');

  it('en and es have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const esKeys = Object.keys(es).sort();
    expect(
      esKeys.filter((k) => !enKeys.includes(k)),
      'only in es',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !esKeys.includes(k)),
      'only in en',
    ).toEqual([]);
  });

  it('every message uses the same placeholders in every locale, each one declared', () => {
    for (const [key, entry] of Object.entries(en)) {
      for (const locale of LOCALES) {
        const other = catalog(locale)[key]!;
        const used = placeholderNames(other.message);
        expect(used, `${locale}.${key}`).toEqual(placeholderNames(entry!.message));
        for (const name of used)
          expect(other.placeholders?.[name], `${locale}.${key} declares $${name}$`).toBeDefined();
      }
    }
  });

  it('placeholders take the same substitutions in every locale', () => {
    // Client-word messages may pick the singular ($1) or the plural ($2) as each
    // language's grammar needs; every other substitution must match exactly.
    const substitutions = (entry: { placeholders?: Record<string, { content: string }> }) =>
      Object.fromEntries(
        Object.entries(entry.placeholders ?? {}).map(([name, p]) => [
          name,
          p.content.replace(/^\$[12]$/, '$client'),
        ]),
      );
    for (const [key, entry] of Object.entries(en)) {
      const other = es[key]!;
      const used = placeholderNames(other.message);
      const mine = substitutions(entry!);
      const theirs = substitutions(other);
      for (const name of used) expect(theirs[name], `es.${key} $${name}$`).toBe(mine[name]);
    }
  });

  it('no message is empty and English messages carry a description for translators', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(catalog(locale)))
        expect(entry!.message.trim(), `${locale}.${key}`).not.toBe('');
    }
    for (const [key, entry] of Object.entries(en)) {
      expect((entry as { description?: string }).description, key).toBeTruthy();
    }
  });
});

describe('translate', () => {
  it('fills placeholders as the browser does', () => {
    expect(translate('en', 'popupActive', ['Facebook', 'profile'])).toBe(
      'Clearline is on for this page: Facebook profile.',
    );
    expect(translate('es', 'popupActive', ['Instagram', 'perfil'])).toBe(
      'Clearline está activo en esta página: perfil de Instagram.',
    );
  });

  it('does not re-parse substituted text', () => {
    expect(translate('en', 'optionsSaveFailed', ['$1 <b>x</b> $$'])).toBe(
      'Could not save: $1 <b>x</b> $$. Nothing was changed.',
    );
  });

  it('chooses the locale from the setting, then the browser, then English', () => {
    expect(resolveLocale('es', 'en-US')).toBe('es');
    expect(resolveLocale('browser', 'es-419')).toBe('es');
    expect(resolveLocale('browser', 'es_MX')).toBe('es');
    expect(resolveLocale('browser', 'fr-FR')).toBe('en');
    expect(resolveLocale('de', 'en')).toBe('en');
  });
});
