// Every label table entry (an action, a control, a settings row, a value) has
// English and Spanish words: a coach whose Facebook or Instagram is in Spanish
// gets the same prompts and the same privacy check as one in English.
import { describe, expect, it } from 'vitest';
import { FACEBOOK_LABEL_TABLES } from '../../../lib/sites/facebook';
import { INSTAGRAM_LABEL_TABLES } from '../../../lib/sites/instagram';
import { FACEBOOK_AUDIT_LABEL_TABLES } from '../../../lib/sites/facebook/audit';
import { INSTAGRAM_AUDIT_LABEL_TABLES } from '../../../lib/sites/instagram/audit';
import type { Bilingual, LabelTable } from '../../../lib/sites/engine/labels';

const TABLES: Record<string, Readonly<Record<string, LabelTable>>> = {
  facebook: FACEBOOK_LABEL_TABLES,
  instagram: INSTAGRAM_LABEL_TABLES,
  facebookAudit: FACEBOOK_AUDIT_LABEL_TABLES,
  instagramAudit: INSTAGRAM_AUDIT_LABEL_TABLES,
};

/** Entries lacking words in a language, as "module.table.entry: en|es". */
export function missingLanguages(
  tables: Record<string, Readonly<Record<string, LabelTable>>>,
): string[] {
  const out: string[] = [];
  for (const [module, byName] of Object.entries(tables)) {
    for (const [table, entries] of Object.entries(byName)) {
      for (const [entry, words] of Object.entries(entries) as [string, Bilingual][]) {
        for (const lang of ['en', 'es'] as const) {
          const list = (words as Partial<Bilingual>)[lang] ?? [];
          if (list.length === 0 || list.some((w) => w.trim() === ''))
            out.push(`${module}.${table}.${entry}: ${lang}`);
        }
      }
    }
  }
  return out;
}

describe('site label tables', () => {
  it('give every entry English and Spanish words', () => {
    const entries = Object.values(TABLES).flatMap((t) =>
      Object.values(t).flatMap((e) => Object.keys(e)),
    );
    // actions (5 + 5), controls (3 + 3), posts (6 + 5), audit rows, values, choices, audiences
    expect(entries.length).toBeGreaterThan(50);
    expect(missingLanguages(TABLES)).toEqual([]);
  });

  it('finds an entry with only one language (the check itself)', () => {
    const broken = {
      demo: {
        actions: {
          follow: { en: ['Follow'], es: [] },
          message: { en: [''], es: ['Mensaje'] },
        } as unknown as LabelTable,
      },
    };
    expect(missingLanguages(broken)).toEqual([
      'demo.actions.follow: es',
      'demo.actions.message: en',
    ]);
  });
});
