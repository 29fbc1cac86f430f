import { beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, fromBase64, sealBytes, randomBytes, toBase64 } from '../../../lib/crypto';
import { exportBackup, importBackup, parseJsonStrictly } from '../../../lib/store/backup';
import {
  addClient,
  listClients,
  listDecisions,
  markClient,
  recordNotClient,
  verdict,
} from '../../../lib/store/client-list';
import { lock, setPassphrase } from '../../../lib/keyring/keyring';
import { BACKUP_MAX_BYTES } from '../../../lib/store/types';
import { createObservation, listObservations } from '../../../lib/observations/store';
import { auditView, recordFindings } from '../../../lib/audit/audit';
import { loadSettings, saveUserSetting } from '../../../lib/settings';
import { freshWorld, rawDump } from './setup';

beforeEach(freshWorld);
const PASS = 'backup passphrase';

async function someData() {
  await addClient(
    {
      profileUrl: 'https://www.facebook.com/jane.doe.demo',
      label: 'J.D.',
      note: 'Tuesdays',
      dischargedOn: null,
    },
    3,
  );
  await addClient(
    {
      profileUrl: 'https://www.instagram.com/former_demo/',
      label: 'F',
      note: '',
      dischargedOn: '2025-02-01',
    },
    3,
  );
  await markClient(['fb:jane.doe.demo', 'fb:id:100012345678901'], '');
  await recordNotClient('ig:neighbor.demo');
  await saveUserSetting('idleLockMinutes', 7);
  await recordFindings('instagram', [
    { itemId: 'ig.privateAccount', result: 'pass', observed: 'On' },
  ]);
  await createObservation({
    platform: 'facebook',
    keys: ['fb:jane.doe.demo'],
    postUrl: 'https://www.facebook.com/jane.doe.demo/posts/1',
    note: 'Saw a check-in',
    urgent: true,
  });
}

/** Builds a file the way exportBackup does, around any inner content, to test what import makes of it. */
async function craftFile(inner: string, overrides: Record<string, unknown> = {}) {
  const salt = randomBytes(16);
  const key = await deriveKey(PASS, salt, 600_000);
  const sealed = await sealBytes(key, new TextEncoder().encode(inner));
  return JSON.stringify({
    format: 'clearline-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: sealed.iv },
    data: sealed.data,
    ...overrides,
  });
}

/** A client record as the file's data holds it. */
const fileClient = (id: string, keyHash: string) => ({
  id,
  keyHashes: [keyHash],
  profileKeys: [null],
  label: '',
  note: '',
  dischargedOn: null,
  addedAt: 1,
});
const fileObservation = (id: string) => ({
  id,
  createdAt: 1,
  platform: 'facebook',
  clientKeyHash: null,
  postUrl: null,
  note: null,
  status: 'to-discuss',
  discussedAt: null,
  sharedAt: null,
  closedAt: null,
  urgent: false,
});
const hashA = 'A'.repeat(43);
const hashB = 'B'.repeat(43);

/** Files that contradict themselves: the database would merge them silently, so import refuses. */
function inconsistentCases(): [string, () => Promise<[string, string]>, string][] {
  const data = (over: Record<string, unknown>) =>
    craftFile(
      JSON.stringify({
        version: 1,
        hmacSecret: toBase64(randomBytes(32)),
        clients: [],
        decisions: [],
        ...over,
      }),
    );
  const cases: [string, Record<string, unknown>][] = [
    [
      'one key claimed by two clients',
      { clients: [fileClient('a', hashA), fileClient('b', hashA)] },
    ],
    [
      'two observations with one id',
      { observations: [fileObservation('o1'), fileObservation('o1')] },
    ],
    ['two clients with one id', { clients: [fileClient('c1', hashA), fileClient('c1', hashB)] }],
    [
      'two "not a client" answers for one key',
      {
        decisions: [
          { keyHash: hashA, profileKey: null, decidedAt: 1 },
          { keyHash: hashA, profileKey: null, decidedAt: 2 },
        ],
      },
    ],
    [
      '"not a client" for a client\'s own key',
      {
        clients: [fileClient('c1', hashA)],
        decisions: [{ keyHash: hashA, profileKey: null, decidedAt: 1 }],
      },
    ],
    [
      'one privacy check item twice',
      {
        audit: {
          items: [
            { itemId: 'ig.privateAccount', platform: 'instagram', page: null, confirmedAt: 1 },
            { itemId: 'ig.privateAccount', platform: 'instagram', page: null, confirmedAt: 2 },
          ],
          history: [],
        },
      },
    ],
  ];
  return cases.map(([name, over]) => [
    name,
    async () => [await data(over), PASS],
    'backup-inconsistent',
  ]);
}

describe('backup', () => {
  it('round-trips everything: export, erase, import, same data and verdicts back', async () => {
    await someData();
    const before = { clients: await listClients(3), decisions: await listDecisions() };
    const { fileName, contents } = await exportBackup(PASS, new Date('2026-11-22T10:00:00Z'));
    expect(fileName).toBe('clearline-backup-2026-11-22.json');
    expect(contents).not.toMatch(/jane|J\.D\.|Tuesdays|neighbor/);

    freshWorld(); // a new device: new HMAC secret, new data key
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('unknown');
    expect(await importBackup(contents, PASS)).toEqual({ clients: 2, decisions: 1 });
    expect(await listClients(3)).toEqual(before.clients);
    expect((await listDecisions()).map((d) => d.profileKey)).toEqual(
      before.decisions.map((d) => d.profileKey),
    );
    expect(await verdict(['fb:id:100012345678901'], 3)).toBe('client');
    expect(await verdict(['ig:former_demo'], 3)).toBe('former-client');
    expect(await verdict(['ig:neighbor.demo'], 3)).toBe('not-client');
    // Settings and the privacy check travel too.
    expect((await loadSettings()).values.idleLockMinutes).toBe(7);
    expect((await auditView()).items.find((i) => i.itemId === 'ig.privateAccount')?.result).toBe(
      'pass',
    );
    // The observation log travels too, still tied to the same client.
    const [observation] = (await listObservations()).observations;
    expect(observation).toMatchObject({
      clientLabel: 'J.D.',
      note: 'Saw a check-in',
      urgent: true,
      postUrl: 'https://www.facebook.com/jane.doe.demo/posts/1',
    });
  });

  it('export needs a passphrase long enough and an unlocked list', async () => {
    await someData();
    await expect(exportBackup('short')).rejects.toThrow('passphrase-too-short');
    await setPassphrase(null, 'list passphrase');
    await lock();
    await expect(exportBackup(PASS)).rejects.toThrow('locked');
  });

  describe('a bad file changes nothing', () => {
    let good: string;
    let before: string;
    beforeEach(async () => {
      await someData();
      good = (await exportBackup(PASS)).contents;
      // Different data on "this device", which a failed import must leave alone.
      await addClient(
        {
          profileUrl: 'https://www.facebook.com/keep.me.demo',
          label: 'K',
          note: '',
          dischargedOn: null,
        },
        3,
      );
      before = await rawDump();
    });

    const cases: [string, () => Promise<[string, string]>, string][] = [
      ['a wrong passphrase', async () => [good, 'not the passphrase'], 'backup-wrong-passphrase'],
      ['not JSON', async () => ['{"format": "clearline-backup", ', PASS], 'backup-corrupt'],
      ['a JSON array', async () => ['[]', PASS], 'backup-corrupt'],
      ['an empty file', async () => ['', PASS], 'backup-corrupt'],
      [
        'another format',
        async () => [JSON.stringify({ ...JSON.parse(good), format: 'other' }), PASS],
        'backup-corrupt',
      ],
      [
        'an unknown field',
        async () => [JSON.stringify({ ...JSON.parse(good), extra: 1 }), PASS],
        'backup-corrupt',
      ],
      [
        'a changed ciphertext',
        async () => {
          const file = JSON.parse(good);
          const bytes = fromBase64(file.data);
          bytes[5] = (bytes[5] ?? 0) ^ 0xff;
          return [JSON.stringify({ ...file, data: toBase64(bytes) }), PASS];
        },
        'backup-wrong-passphrase',
      ],
      [
        'a newer format version',
        async () => [JSON.stringify({ ...JSON.parse(good), version: 3 }), PASS],
        'backup-newer-version',
      ],
      ['a huge file', async () => [good + ' '.repeat(BACKUP_MAX_BYTES), PASS], 'backup-too-large'],
      [
        'an absurd iteration count',
        async () => {
          const file = JSON.parse(good);
          return [JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1e12 } }), PASS];
        },
        'backup-corrupt',
      ],
      [
        '__proto__ in the outer file',
        async () => [good.replace('"format"', '"__proto__": {"polluted": true}, "format"'), PASS],
        'backup-corrupt',
      ],
      [
        '__proto__ inside the encrypted data',
        async () => [
          await craftFile(
            '{"version":1,"hmacSecret":"' +
              toBase64(randomBytes(32)) +
              '","clients":[],"decisions":[],"__proto__":{"polluted":true}}',
          ),
          PASS,
        ],
        'backup-corrupt',
      ],
      [
        'constructor inside a client',
        async () => [
          await craftFile(
            '{"version":1,"hmacSecret":"' +
              toBase64(randomBytes(32)) +
              '","clients":[{"constructor":{"prototype":{"polluted":true}}}],"decisions":[]}',
          ),
          PASS,
        ],
        'backup-corrupt',
      ],
      [
        'a newer inner version',
        async () => [await craftFile('{"version":7}'), PASS],
        'backup-newer-version',
      ],
      [
        'inner data of the wrong shape',
        async () => [await craftFile('{"version":1,"clients":"all of them"}'), PASS],
        'backup-corrupt',
      ],
      ...inconsistentCases(),
    ];
    for (const [name, make, code] of cases) {
      it(`${name}: ${code}`, async () => {
        const [contents, passphrase] = await make();
        await expect(importBackup(contents, passphrase)).rejects.toThrow(code);
        expect(await rawDump()).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }

    it('a locked list: unlock first, nothing changed', async () => {
      await setPassphrase(null, 'list passphrase');
      await lock();
      const locked = await rawDump();
      await expect(importBackup(good, PASS)).rejects.toThrow('locked');
      expect(await rawDump()).toBe(locked);
    });
  });

  it('the strict parser refuses prototype keys at any depth', () => {
    expect(() => parseJsonStrictly('{"a":{"b":{"__proto__":1}}}')).toThrow(/forbidden/);
    expect(() => parseJsonStrictly('{"prototype":1}')).toThrow(/forbidden/);
    expect(parseJsonStrictly('{"a":[1,{"b":"__proto__"}]}')).toEqual({
      a: [1, { b: '__proto__' }],
    });
  });
});
