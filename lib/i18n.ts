// Every user-facing string comes from public/_locales. The catalogs are bundled
// too, so a language chosen in settings (or by the agency) needs no fetch and
// works the same in every extension context. Extension pages load only the
// catalog of the language they show (loadLocale, one chunk per locale, awaited
// before their first render); the background, which has no dynamic import,
// registers both with lib/i18n-bundled.ts. translate() itself stays synchronous.
import type en from '../public/_locales/en/messages.json';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, CatalogEntry | undefined>;

const CATALOGS: Partial<Record<Locale, Catalog>> = {};

const LOADERS: Record<Locale, () => Promise<{ default: Catalog }>> = {
  en: () => import('../public/_locales/en/messages.json'),
  es: () => import('../public/_locales/es/messages.json'),
};

/** Registers a catalog that is already at hand (the background bundles both). */
export function provideCatalog(locale: Locale, messages: Catalog): void {
  CATALOGS[locale] = messages;
}

/** Loads the catalog of `locale` (its own chunk) unless it is already there. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (CATALOGS[locale]) return;
  CATALOGS[locale] = (await LOADERS[locale]()).default;
}

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
 * contains `$1` stays as typed. A key missing from a locale falls back to English
 * (when its catalog is loaded), else to the key itself.
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  substitutions: readonly string[] = [],
): string {
  const entry = CATALOGS[locale]?.[key] ?? CATALOGS.en?.[key];
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

/** A loaded locale's catalog (empty when not loaded), for the completeness tests. */
export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale] ?? {};
}
