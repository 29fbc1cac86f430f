// The admin guide documents every policy key, and its examples stay valid.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS } from '../../lib/settings/agency-policy';

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/deploy.md'), 'utf8');

describe('docs/deploy.md', () => {
  it.each(POLICY_KEYS)('has a row for the policy key %s', (key) => {
    expect(guide).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
  });

  it('names no key the schema does not have', () => {
    const rows = [...guide.matchAll(/^\| `([A-Za-z]+)` +\|/gm)].map((m) => m[1]);
    expect(rows.filter((key) => !(POLICY_KEYS as string[]).includes(key!))).toEqual([]);
  });
});
