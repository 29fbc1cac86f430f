// The agency policy's two checks must agree: Chromium validates managed storage
// against public/managed_schema.json, Firefox gives Clearline the raw policy and
// readPolicy() is the only check. These tests hold both to the same table.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ITEMS } from '../../../lib/audit/checklist';
import { SETTING_KEYS } from '../../../lib/settings/definitions';
import { settingsWith } from '../../../lib/settings';
import {
  AGENCY_KEYS,
  FAIL_CLOSED,
  POLICY_FIELDS,
  POLICY_KEYS,
  managedSchema,
  readPolicy,
} from '../../../lib/settings/agency-policy';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = Record<string, unknown>;

const schemaFile = fileURLToPath(new URL('../../../public/managed_schema.json', import.meta.url));
const managedJson = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  type: string;
  properties: Record<string, Node>;
};

/** What Chromium's policy schema parser accepts; anything else makes it refuse the schema. */
const CHROMIUM_ATTRIBUTES = new Set([
  'type',
  'properties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'title',
  'description',
]);

/**
 * The subset of JSON Schema the managed schema uses, checked the way Chromium
 * does for an extension's policy: unknown properties are dropped (not errors) and
 * nothing is required. Returns the paths that fail.
 */
function jsonErrors(schema: Node, value: unknown, path: string): string[] {
  const errors: string[] = [];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      if (schema.pattern !== undefined && !new RegExp(schema.pattern as string).test(value)) {
        errors.push(`${path}: does not match ${String(schema.pattern)}`);
      }
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: not an integer`];
      if (schema.minimum !== undefined && value < (schema.minimum as number)) {
        errors.push(`${path}: below minimum`);
      }
      if (schema.maximum !== undefined && value > (schema.maximum as number)) {
        errors.push(`${path}: above maximum`);
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${path}: not a boolean`];
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      value.forEach((item, i) =>
        errors.push(...jsonErrors(schema.items as Node, item, `${path}.${i}`)),
      );
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return [`${path}: not an object`];
      }
      const properties = schema.properties as Record<string, Node>;
      for (const [key, item] of Object.entries(value)) {
        if (Object.hasOwn(properties, key)) {
          errors.push(...jsonErrors(properties[key]!, item, `${path}.${key}`));
        }
      }
      break;
    }
    default:
      throw new Error(`${path}: the checker does not know type ${String(schema.type)}`);
  }
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).includes(value)) {
    errors.push(`${path}: not one of the enum`);
  }
  return errors;
}

/**
 * Why a bad value is bad. Chromium's schema can see the first four; Clearline
 * alone refuses the rest (length, a missing or unknown sub-key, too many items).
 */
type Kind =
  'type' | 'enum' | 'range' | 'pattern' | 'length' | 'partial' | 'unknown-key' | 'too-many';
const CHROMIUM_SEES: Kind[] = ['type', 'enum', 'range', 'pattern'];

interface Bad {
  value: Json;
  kind: Kind;
  /** The exact path of the problem, when it is below the key itself. */
  path?: string;
}

const day = (days: Json, start: Json = '08:00', end: Json = '17:00') => ({ days, start, end });
const auditIds = AUDIT_ITEMS.map((item) => item.id);

const TABLE: Record<string, { good: Json[]; bad: Bad[] }> = {
  agencyName: {
    good: ['Northside Recovery Services', ''],
    bad: [
      { value: 42, kind: 'type' },
      { value: 'x'.repeat(121), kind: 'length' },
    ],
  },
  policyUrl: {
    good: ['https://intranet.example/policies/social-media'],
    bad: [
      { value: 'http://intranet.example/policy', kind: 'pattern' },
      { value: 'https://intranet.example/has space', kind: 'pattern' },
      { value: 'javascript:alert(1)', kind: 'pattern' },
      { value: 5, kind: 'type' },
      { value: `https://example.org/${'a'.repeat(2000)}`, kind: 'length' },
    ],
  },
  policyText: {
    good: ['Do not friend people you serve.\nAsk your supervisor.'],
    bad: [
      { value: ['a rule'], kind: 'type' },
      { value: 'x'.repeat(4001), kind: 'length' },
    ],
  },
  supervisorContact: {
    good: ['Dana Lee: 555-0100'],
    bad: [
      { value: null, kind: 'type' },
      { value: 'x'.repeat(301), kind: 'length' },
    ],
  },
  crisisProtocol: {
    good: ['1. Call 911.\n2. Call 988.', ''],
    bad: [
      { value: true, kind: 'type' },
      { value: 'x'.repeat(2001), kind: 'length' },
    ],
  },
  platforms: {
    good: [{ facebook: true, instagram: false }],
    bad: [
      { value: true, kind: 'type' },
      { value: { facebook: 'yes', instagram: true }, kind: 'type', path: 'platforms.facebook' },
      { value: { facebook: true }, kind: 'partial', path: 'platforms.instagram' },
      {
        value: { facebook: true, instagram: true, tiktok: true },
        kind: 'unknown-key',
        path: 'platforms.tiktok',
      },
    ],
  },
  promptMode: {
    good: [
      { friend: 'block-clients', follow: 'off', message: 'reason' },
      { friend: 'remind', follow: 'remind', message: 'remind' },
    ],
    bad: [
      { value: 'remind', kind: 'type' },
      {
        value: { friend: 'nope', follow: 'remind', message: 'remind' },
        kind: 'enum',
        path: 'promptMode.friend',
      },
      { value: { friend: 'remind' }, kind: 'partial', path: 'promptMode.follow' },
      {
        value: { friend: 'off', follow: 'off', message: 'off', comment: 'off' },
        kind: 'unknown-key',
        path: 'promptMode.comment',
      },
    ],
  },
  promptScope: {
    good: ['clients-only', 'unanswered'],
    bad: [
      { value: 'everyone', kind: 'enum' },
      { value: 1, kind: 'type' },
    ],
  },
  formerClientYears: {
    good: [0, 10],
    bad: [
      { value: 11, kind: 'range' },
      { value: -1, kind: 'range' },
      { value: 2.5, kind: 'type' },
      { value: '3', kind: 'type' },
    ],
  },
  workHours: {
    good: [day([1, 2, 3, 4, 5], '08:30', '17:00'), day([], '00:00', '23:59'), day([0, 6])],
    bad: [
      { value: 'weekdays', kind: 'type' },
      { value: day([1], '8:00'), kind: 'pattern', path: 'workHours.start' },
      { value: day([1], '08:00', '24:00'), kind: 'pattern', path: 'workHours.end' },
      { value: day([1], '08:00', '17:60'), kind: 'pattern', path: 'workHours.end' },
      { value: day([7]), kind: 'enum', path: 'workHours.days.0' },
      { value: day('1-5'), kind: 'type', path: 'workHours.days' },
      { value: { days: [1, 2], start: '08:00' }, kind: 'partial', path: 'workHours.end' },
      { value: { ...day([1]), zone: 'UTC' }, kind: 'unknown-key', path: 'workHours.zone' },
      { value: day([1, 1, 2, 2, 3, 3, 4, 4]), kind: 'too-many', path: 'workHours.days' },
    ],
  },
  observationReminderHours: {
    good: [1, 336],
    bad: [
      { value: 0, kind: 'range' },
      { value: 337, kind: 'range' },
      { value: 'x', kind: 'type' },
    ],
  },
  auditIntervalDays: {
    good: [1, 365],
    bad: [
      { value: 0, kind: 'range' },
      { value: 366, kind: 'range' },
      { value: true, kind: 'type' },
    ],
  },
  requiredAuditItems: {
    good: [['fb.futurePosts', 'ig.privateAccount'], [], auditIds],
    bad: [
      { value: 'fb.futurePosts', kind: 'type' },
      { value: ['fb.futurePosts', 'fb.nope'], kind: 'enum', path: 'requiredAuditItems.1' },
      { value: [...auditIds, 'fb.futurePosts'], kind: 'too-many' },
    ],
  },
  requirePassphrase: {
    good: [true, false],
    bad: [
      { value: 'true', kind: 'type' },
      { value: 1, kind: 'type' },
    ],
  },
  idleLockMinutes: {
    good: [1, 1440],
    bad: [
      { value: 0, kind: 'range' },
      { value: 1441, kind: 'range' },
      { value: 1.5, kind: 'type' },
    ],
  },
  retentionDays: {
    good: [1, 3650],
    bad: [
      { value: 0, kind: 'range' },
      { value: 3651, kind: 'range' },
      { value: {}, kind: 'type' },
    ],
  },
  showWelcome: {
    good: [false],
    bad: [
      { value: 'false', kind: 'type' },
      { value: 0, kind: 'type' },
    ],
  },
  allowUserChanges: {
    good: [false, true],
    bad: [
      { value: 'no', kind: 'type' },
      { value: null, kind: 'type' },
    ],
  },
  locale: {
    good: ['es', 'en', 'browser'],
    bad: [
      { value: 'fr', kind: 'enum' },
      { value: 'ES', kind: 'enum' },
      { value: ['en'], kind: 'type' },
    ],
  },
  clientTerm: {
    good: ['recoveree', 'participant'],
    bad: [
      { value: 'patient', kind: 'enum' },
      { value: 2, kind: 'type' },
    ],
  },
  remindOnReact: {
    good: [true],
    bad: [
      { value: 'yes', kind: 'type' },
      { value: 1, kind: 'type' },
    ],
  },
};

/** One good value for every key: a whole, valid policy. */
const GOOD_POLICY: Record<string, Json> = Object.fromEntries(
  Object.entries(TABLE).map(([key, { good }]) => [key, good[0]!]),
);

const isAgencyKey = (key: string) => (AGENCY_KEYS as string[]).includes(key);
const appliedValue = (read: ReturnType<typeof readPolicy>, key: string): unknown =>
  isAgencyKey(key)
    ? (read.agency as Record<string, unknown>)[key]
    : (read.settings as Record<string, unknown>)[key];
const underKey = (path: string, key: string) => path === key || path.startsWith(`${key}.`);

describe('managed_schema.json', () => {
  it('is exactly what managedSchema() builds', () => {
    expect(managedJson, 'run npm run policy:schema').toEqual(managedSchema());
  });

  it('uses only attributes Chromium knows, at every depth', () => {
    const unknown: string[] = [];
    const walk = (node: Node, path: string) => {
      for (const attribute of Object.keys(node)) {
        if (!CHROMIUM_ATTRIBUTES.has(attribute)) unknown.push(`${path}: ${attribute}`);
      }
      if (node.properties) {
        for (const [key, child] of Object.entries(node.properties as Record<string, Node>)) {
          walk(child, `${path}.${key}`);
        }
      }
      if (node.items) walk(node.items as Node, `${path}[]`);
    };
    // Both the file and what it is built from, so a regenerated file cannot slip one in.
    walk(managedJson, '(file)');
    walk(managedSchema() as unknown as Node, '(managedSchema)');
    expect(unknown).toEqual([]);
    // The walk does reach nested nodes.
    expect(managedJson.properties.workHours).toMatchObject({
      properties: { days: { items: { type: 'integer' } } },
    });
  });

  it('describes every key for the admin', () => {
    for (const key of POLICY_KEYS) {
      const field = POLICY_FIELDS[key];
      expect(field.title.trim(), `${key} title`).not.toBe('');
      expect(field.description.trim(), `${key} description`).not.toBe('');
      expect(managedJson.properties[key], key).toMatchObject({
        title: field.title,
        description: field.description,
      });
    }
  });

  it('has every key the deployment docs promise, and every setting', () => {
    expect(POLICY_KEYS).toEqual(
      expect.arrayContaining([
        'agencyName',
        'policyUrl',
        'policyText',
        'supervisorContact',
        'crisisProtocol',
        'platforms',
        'promptMode',
        'promptScope',
        'formerClientYears',
        'workHours',
        'observationReminderHours',
        'auditIntervalDays',
        'requiredAuditItems',
        'requirePassphrase',
        'idleLockMinutes',
        'retentionDays',
        'showWelcome',
        'allowUserChanges',
        'locale',
        'clientTerm',
      ]),
    );
    for (const key of SETTING_KEYS) expect(POLICY_KEYS, key).toContain(key);
    expect(new Set(POLICY_KEYS).size).toBe(POLICY_KEYS.length);
    expect(Object.keys(managedJson.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });
});

describe('readPolicy (all the checking Firefox gets)', () => {
  it('the table covers every policy key, with a good value and two bad ones each', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...POLICY_KEYS].sort());
    for (const [key, { good, bad }] of Object.entries(TABLE)) {
      expect(good.length, key).toBeGreaterThanOrEqual(1);
      expect(bad.length, key).toBeGreaterThanOrEqual(2);
    }
  });

  it('a whole good policy applies with no problems', () => {
    const read = readPolicy(GOOD_POLICY);
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.agency).sort()).toEqual([...AGENCY_KEYS].sort());
    expect(Object.keys(read.settings).sort()).toEqual([...SETTING_KEYS].sort());
  });

  describe.each(Object.entries(TABLE))('%s', (key, { good, bad }) => {
    it.each(good.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
      'accepts %s',
      (_label, value) => {
        const read = readPolicy({ [key]: value });
        expect(read.problems).toEqual([]);
        expect(appliedValue(read, key)).toEqual(value);
        // It lands on the right side, and only there.
        const other = isAgencyKey(key) ? read.settings : read.agency;
        expect(Object.keys(other)).toEqual([]);
      },
    );

    it.each(bad.map((b) => [`${b.kind} ${JSON.stringify(b.value).slice(0, 60)}`, b]))(
      'refuses %s; the rest of the policy still applies',
      (_label, b) => {
        const read = readPolicy({ ...GOOD_POLICY, [key]: b.value });
        expect(read.problems.length).toBeGreaterThan(0);
        for (const problem of read.problems) {
          expect(underKey(problem.path, key), problem.path).toBe(true);
          expect(problem.message).not.toBe('');
        }
        if (b.path) expect(read.problems.map((p) => p.path)).toContain(b.path);
        if (Object.hasOwn(FAIL_CLOSED, key)) {
          // Present but wrong: the strictest value, never "not set".
          expect(appliedValue(read, key)).toBe(FAIL_CLOSED[key as keyof typeof FAIL_CLOSED]);
        } else {
          expect(Object.hasOwn(read.agency, key) || Object.hasOwn(read.settings, key)).toBe(false);
        }
        for (const other of POLICY_KEYS.filter((k) => k !== key)) {
          expect(appliedValue(read, other), other).toEqual(GOOD_POLICY[other]);
        }
      },
    );
  });

  it('reports an unknown key and applies the rest', () => {
    const read = readPolicy({ agencyName: 'A', promptmode: 'off', clientTerm: 'participant' });
    expect(read.problems).toEqual([{ path: 'promptmode', message: expect.any(String) }]);
    expect(read.agency).toEqual({ agencyName: 'A' });
    expect(read.settings).toEqual({ clientTerm: 'participant' });
  });

  it.each([
    ['an array', [{ agencyName: 'A' }]],
    ['a string', '{"agencyName":"A"}'],
    ['a number', 42],
    ['a boolean', true],
  ])('a policy that is %s is reported as (policy), nothing applies', (_label, raw) => {
    const read = readPolicy(raw);
    expect(read.problems).toEqual([{ path: '(policy)', message: expect.any(String) }]);
    expect(read.settings).toEqual({});
    expect(read.agency).toEqual({});
  });

  it.each([null, undefined, {}])('no policy (%s) is no problem', (raw) => {
    expect(readPolicy(raw)).toEqual({ settings: {}, agency: {}, problems: [] });
  });

  it('a __proto__ key pollutes nothing and the rest applies', () => {
    const raw = JSON.parse('{"__proto__": {"x": 1, "agencyName": "Evil"}, "agencyName": "A"}');
    const read = readPolicy(raw);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    expect(Object.getPrototypeOf(read.agency)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(read.settings)).toBe(Object.prototype);
    expect(read.agency).toEqual({ agencyName: 'A' });
    expect(read.settings).toEqual({});
    expect(read.problems).toEqual([{ path: '__proto__', message: expect.any(String) }]);
  });

  it('a constructor or toString key is unknown, not an inherited field', () => {
    const read = readPolicy({ constructor: 1, toString: 'x', hasOwnProperty: true });
    expect(read.problems.map((p) => p.path).sort()).toEqual(
      ['constructor', 'hasOwnProperty', 'toString'].sort(),
    );
  });
});

describe('requirePassphrase and allowUserChanges fail closed (Firefox sees every value)', () => {
  it.each([
    ['the string "true"', 'true'],
    ['the string "false"', 'false'],
    ['a number', 0],
    ['null', null],
    ['a list', [true]],
  ])('%s applies the strictest value and is reported', (_label, value) => {
    const read = readPolicy({ agencyName: 'A', requirePassphrase: value, allowUserChanges: value });
    expect(read.agency).toEqual({
      agencyName: 'A',
      requirePassphrase: true,
      allowUserChanges: false,
    });
    expect(read.problems.map((p) => p.path).sort()).toEqual([
      'allowUserChanges',
      'requirePassphrase',
    ]);
    for (const problem of read.problems) expect(problem.message).toMatch(/strictest value/);
  });

  it('absent, they keep their defaults; a real boolean applies as given', () => {
    expect(readPolicy({ agencyName: 'A' }).agency).toEqual({ agencyName: 'A' });
    expect(readPolicy({ requirePassphrase: false, allowUserChanges: true }).agency).toEqual({
      requirePassphrase: false,
      allowUserChanges: true,
    });
  });

  it('allowUserChanges "false" locks every setting and drops the coach\'s own choices', () => {
    const settings = settingsWith({ idleLockMinutes: 30 }, { allowUserChanges: 'false' });
    expect(Object.values(settings.locked).every(Boolean)).toBe(true);
    expect(settings.sources.idleLockMinutes).toBe('default');
    expect(settings.ignored).toContainEqual({
      source: 'agency',
      key: 'allowUserChanges',
      reason: expect.stringMatching(/strictest value \(false\)/),
    });
  });

  it('only these two fail closed: any other bad key is left out', () => {
    expect(Object.keys(FAIL_CLOSED).sort()).toEqual(['allowUserChanges', 'requirePassphrase']);
    expect(readPolicy({ showWelcome: 'false' }).agency).toEqual({});
  });
});

describe('Chromium and Clearline agree', () => {
  // Built from the same fields as readPolicy; the file equals it (tested above).
  const jsonSide = managedSchema().properties as unknown as Record<string, Node>;

  describe.each(Object.entries(TABLE))('%s', (key, { good, bad }) => {
    const schema = jsonSide[key]!;

    it('the JSON side accepts every good value', () => {
      for (const value of good)
        expect(jsonErrors(schema, value, key), JSON.stringify(value)).toEqual([]);
    });

    it('the JSON side refuses every bad value it can see (type, enum, range, pattern)', () => {
      for (const b of bad.filter((item) => CHROMIUM_SEES.includes(item.kind))) {
        expect(jsonErrors(schema, b.value, key), JSON.stringify(b.value)).not.toEqual([]);
      }
    });

    it('the rest only Clearline refuses (length, missing or unknown sub-keys, too many items)', () => {
      for (const b of bad.filter((item) => !CHROMIUM_SEES.includes(item.kind))) {
        expect(jsonErrors(schema, b.value, key), JSON.stringify(b.value)).toEqual([]);
        expect(readPolicy({ [key]: b.value }).problems).not.toEqual([]);
      }
    });
  });

  it('the checker itself catches each kind it claims to', () => {
    const schema: Node = {
      type: 'object',
      properties: {
        s: { type: 'string', pattern: '^a+$' },
        e: { type: 'string', enum: ['x'] },
        n: { type: 'integer', minimum: 1, maximum: 3 },
        l: { type: 'array', items: { type: 'integer', enum: [1, 2] } },
      },
    };
    expect(jsonErrors(schema, { s: 'aa', e: 'x', n: 2, l: [1, 2], other: 1 }, 'p')).toEqual([]);
    expect(jsonErrors(schema, { s: 'ab', e: 'y', n: 4, l: [3] }, 'p')).toEqual([
      'p.s: does not match ^a+$',
      'p.e: not one of the enum',
      'p.n: above maximum',
      'p.l.0: not one of the enum',
    ]);
    expect(jsonErrors(schema, { n: 0.5 }, 'p')).toEqual(['p.n: not an integer']);
  });
});
