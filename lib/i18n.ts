// Every user-facing string comes from public/_locales. The catalogs are bundled
// too, so a language chosen in settings (or by the agency) needs no fetch and
// works the same in every extension context.
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, CatalogEntry | undefined>;

const CATALOGS: Record<Locale, Catalog> = { en, es };

/** The locale to use: the setting if it names one, else the browser's UI language, else English. */
export function resolveLocale(setting: string, uiLanguage: string): Locale {
  if ((LOCALES as readonly string[]).includes(setting)) return setting as Locale;
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/**
 * Formats a message the way browser.i18n.getMessage does: `$NAME$` takes its
 * placeholder's content, in which `$1`..`$9` are the substitutions, and `$$` is a
 * literal dollar sign. Substituted values are never re-parsed, so a name that
 * contains `$1` stays as typed. A key missing from a locale falls back to English.
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  substitutions: readonly string[] = [],
): string {
  const entry = CATALOGS[locale][key] ?? CATALOGS.en[key];
  if (!entry) return key;
  const fill = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, d: string) =>
      d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
    );
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : match;
  });
}

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export function translator(locale: Locale): Translate {
  return (key, ...substitutions) => translate(locale, key, substitutions);
}

/** Every locale's catalog, for the completeness tests. */
export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale];
}
