import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addClient,
  clientStatus,
  listClients,
  listDecisions,
  markClient,
  profileKeyFromAddress,
  recordNotClient,
  removeClient,
  removeDecision,
  updateClient,
  verdict,
} from '../../../lib/store/client-list';
import { db } from '../../../lib/db/connection';
import { storeProblems } from '../../../lib/db/problems';
import { lock, setPassphrase, unlock } from '../../../lib/keyring/keyring';
import { freshWorld, rawDump } from './setup';

beforeEach(freshWorld);

const JANE = 'https://www.facebook.com/jane.doe.demo';
const add = (label = '', note = '', dischargedOn: string | null = null, profileUrl = JANE) =>
  addClient({ profileUrl, label, note, dischargedOn }, 3);

describe('adding clients', () => {
  it('normalizes the addresses coaches paste', () => {
    expect(profileKeyFromAddress('facebook.com/Jane.Doe.Demo')).toBe('fb:jane.doe.demo');
    expect(profileKeyFromAddress(' https://www.facebook.com/profile.php?id=100012345678901 ')).toBe(
      'fb:id:100012345678901',
    );
    expect(profileKeyFromAddress('http://instagram.com/alex_demo/')).toBe('ig:alex_demo');
    for (const bad of [
      '',
      'jane',
      'https://evil.example/jane.doe',
      'https://www.facebook.com/groups/x',
      'javascript:alert(1)',
    ]) {
      expect(profileKeyFromAddress(bad), bad).toBeNull();
    }
  });

  it('adds, lists, edits and removes a client', async () => {
    const added = await add('J.D.', 'Prefers Messenger in the morning');
    expect(added).toMatchObject({
      profileKeys: ['fb:jane.doe.demo'],
      label: 'J.D.',
      status: 'current',
    });
    await expect(add()).rejects.toThrow('already-a-client');
    await expect(add('', '', null, 'https://www.facebook.com/groups/x')).rejects.toThrow(
      'invalid-profile-url',
    );
    const edited = await updateClient(
      {
        id: added.id,
        note: { from: 'Prefers Messenger in the morning', to: 'Asked to be contacted by phone' },
        dischargedOn: { from: null, to: '2025-06-01' },
      },
      3,
    );
    expect(edited).toMatchObject({
      label: 'J.D.',
      note: 'Asked to be contacted by phone',
      status: 'former',
    });
    expect((await listClients(3)).clients).toHaveLength(1);
    await removeClient(added.id);
    expect((await listClients(3)).clients).toEqual([]);
    await expect(removeClient(added.id)).rejects.toThrow('not-found');
  });

  it('stores no handle, label or note in plain text anywhere', async () => {
    await add('Jane D. label', 'Note about Thursday group');
    await recordNotClient('ig:sam.neighbor.demo');
    await add('', '', null, 'https://www.facebook.com/profile.php?id=100012345678901');
    const dump = await rawDump();
    for (const secret of ['jane', 'Jane D. label', 'Thursday', 'sam.neighbor', '100012345678901']) {
      expect(dump.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
    // The data is there, just sealed.
    expect((await listClients(3)).clients.map((c) => c.label).sort()).toEqual([
      '',
      'Jane D. label',
    ]);
  });
});

describe('edits from two tabs', () => {
  it('a label edited in one tab and a note in another both land', async () => {
    const { id } = await add('J.D.', 'Tuesdays');
    // Both tabs opened the edit form on the same view; each sends only what it changed.
    await Promise.all([
      updateClient({ id, label: { from: 'J.D.', to: 'Jane D.' } }, 3),
      updateClient({ id, note: { from: 'Tuesdays', to: 'Thursdays now' } }, 3),
    ]);
    expect((await listClients(3)).clients[0]).toMatchObject({
      label: 'Jane D.',
      note: 'Thursdays now',
    });
  });

  it('an edit from a stale view of the same field is refused and changes nothing', async () => {
    const { id } = await add('J.D.', 'Tuesdays');
    await updateClient({ id, label: { from: 'J.D.', to: 'Jane D.' } }, 3);
    await expect(updateClient({ id, label: { from: 'J.D.', to: 'J. Doe' } }, 3)).rejects.toThrow(
      'changed-elsewhere',
    );
    await expect(
      updateClient({ id, dischargedOn: { from: '2025-01-01', to: null } }, 3),
    ).rejects.toThrow('changed-elsewhere');
    expect((await listClients(3)).clients[0]).toMatchObject({
      label: 'Jane D.',
      note: 'Tuesdays',
      dischargedOn: null,
    });
  });

  it('the same field edited in two tabs at once: one lands, the other is refused', async () => {
    const { id } = await add('J.D.');
    const results = await Promise.allSettled([
      updateClient({ id, label: { from: 'J.D.', to: 'first' } }, 3),
      updateClient({ id, label: { from: 'J.D.', to: 'second' } }, 3),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toContain('changed-elsewhere');
    const landed = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      label: string;
    }>;
    expect((await listClients(3)).clients[0]?.label).toBe(landed.value.label);
  });
});

describe('verdicts', () => {
  it('tells client, former client, not a client and unknown apart', async () => {
    await add();
    await add('', '', '2025-01-10', 'https://www.instagram.com/former_demo/');
    await add('', '', '2019-01-10', 'https://www.instagram.com/long_ago_demo/');
    await recordNotClient('fb:neighbor.demo');
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('client');
    expect(await verdict(['ig:former_demo'], 3)).toBe('former-client');
    expect(await verdict(['ig:long_ago_demo'], 3)).toBe('unknown');
    expect(await verdict(['ig:long_ago_demo'], 10)).toBe('former-client');
    expect(await verdict(['fb:neighbor.demo'], 3)).toBe('not-client');
    expect(await verdict(['fb:stranger.demo'], 3)).toBe('unknown');
  });

  it('counts a former client for the look-back window from discharge', () => {
    expect(clientStatus(null, 3, '2026-11-22')).toBe('current');
    expect(clientStatus('2023-11-23', 3, '2026-11-22')).toBe('former');
    expect(clientStatus('2023-11-22', 3, '2026-11-22')).toBe('former-past-window');
    expect(clientStatus('2026-11-01', 0, '2026-11-22')).toBe('former-past-window');
  });

  it('a verdict request only reads: the page guessing two keys belong together changes nothing', async () => {
    await add('J.D.');
    expect(await verdict(['fb:jane.doe.demo', 'fb:id:100012345678901'], 3)).toBe('client');
    expect(await verdict(['fb:id:100012345678901'], 3)).toBe('unknown');
  });

  it('records both keys of one person when the coach marks them on a page that shows both', async () => {
    await markClient(['fb:jane.doe.demo', 'fb:id:100012345678901'], 'J.D.');
    expect(await verdict(['fb:id:100012345678901'], 3)).toBe('client');
    const [client] = (await listClients(3)).clients;
    expect(client?.profileKeys?.sort()).toEqual(['fb:id:100012345678901', 'fb:jane.doe.demo']);
    expect(client?.label).toBe('J.D.');
    // Marking again with a key already known joins the new key to the same person.
    await markClient(['fb:id:100012345678901', 'fb:jane.d.demo'], '');
    expect((await listClients(3)).clients).toHaveLength(1);
    expect(await verdict(['fb:jane.d.demo'], 3)).toBe('client');
  });

  it('never merges two clients who share a page', async () => {
    await add('A');
    await add('B', '', null, 'https://www.facebook.com/other.person.demo');
    await markClient(['fb:jane.doe.demo', 'fb:other.person.demo'], '');
    const keys = (await listClients(3)).clients.map((c) => c.profileKeys);
    expect([...keys].sort()).toEqual([['fb:jane.doe.demo'], ['fb:other.person.demo']]);
  });

  it('a client stays a client; marking one clears an earlier "not a client"', async () => {
    await recordNotClient('fb:jane.doe.demo');
    expect((await listDecisions()).map((d) => d.profileKey)).toEqual(['fb:jane.doe.demo']);
    await add();
    expect(await listDecisions()).toEqual([]);
    await recordNotClient('fb:jane.doe.demo');
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('client');
  });

  it('undoes a "not a client" answer', async () => {
    await recordNotClient('fb:neighbor.demo');
    const [decision] = await listDecisions();
    await removeDecision(decision!.id);
    expect(await verdict(['fb:neighbor.demo'], 3)).toBe('unknown');
  });
});

describe('while locked', () => {
  beforeEach(async () => {
    await add('J.D.', 'a note');
    await recordNotClient('fb:neighbor.demo');
    await setPassphrase(null, 'correct horse battery');
    await lock();
  });

  it('matching still works, and free text shows as locked', async () => {
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('client');
    expect(await verdict(['fb:neighbor.demo'], 3)).toBe('not-client');
    const { clients, locked } = await listClients(3);
    expect(locked).toBe(true);
    expect(clients[0]).toMatchObject({
      label: null,
      note: null,
      profileKeys: null,
      status: 'current',
    });
    expect((await listDecisions())[0]?.profileKey).toBeNull();
  });

  it('a label or note asks for the passphrase first; a bare client can still be added', async () => {
    await expect(add('K', '', null, 'https://www.instagram.com/kay_demo/')).rejects.toThrow(
      'locked',
    );
    await expect(
      updateClient({ id: (await listClients(3)).clients[0]!.id, label: { from: '', to: 'x' } }, 3),
    ).rejects.toThrow('locked');
    await add('', '', null, 'https://www.instagram.com/kay_demo/');
    expect(await verdict(['ig:kay_demo'], 3)).toBe('client');
    await unlock('correct horse battery');
    const labels = (await listClients(3)).clients.map((c) => [c.label, c.profileKeys]);
    // Added while locked: the handle could not be sealed, so only its hash was kept.
    expect(labels).toEqual([
      ['J.D.', ['fb:jane.doe.demo']],
      ['', []],
    ]);
  });
});

describe('database trouble is reported, never swallowed', () => {
  it('a full disk refuses the write with a reason and records the problem', async () => {
    await db();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw quota;
    });
    await expect(add('J.D.')).rejects.toThrow('storage-quota');
    spy.mockRestore();
    expect((await storeProblems()).map((p) => p.kind)).toEqual(['quota']);
    expect((await listClients(3)).clients).toEqual([]);
  });

  it('a full storage.local never turns a stored client into a failure', async () => {
    const first = await add('J.D.'); // the data key exists, as on any device in use
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const added = await add('K.', '', null, 'https://www.instagram.com/kay_demo/');
    expect(added.label).toBe('K.');
    await recordNotClient('fb:neighbor.demo');
    expect(set).toHaveBeenCalled(); // the version bump was tried
    expect(warn).toHaveBeenCalled();
    expect((await listClients(3)).clients.map((c) => c.id)).toEqual([first.id, added.id]);
    expect(await verdict(['fb:neighbor.demo'], 3)).toBe('not-client');
    expect(await storeProblems()).toEqual([]);
  });

  it('a database that will not open is reported', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('disk I/O error', 'UnknownError');
    });
    await expect(listClients(3)).rejects.toThrow('storage-unavailable');
    expect((await storeProblems())[0]).toMatchObject({ kind: 'open-failed' });
    expect((await storeProblems())[0]?.detail).toContain('disk I/O error');
  });

  it('an upgrade blocked by another open connection is reported, then goes ahead', async () => {
    // An old Clearline page still holds version 1 open and ignores requests to close.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('clearline', 1);
      request.onupgradeneeded = () => {
        request.result
          .createObjectStore('clients', { keyPath: 'id' })
          .createIndex('keyHash', 'keyHash', { unique: true });
        request.result.createObjectStore('decisions', { keyPath: 'keyHash' });
        request.result.createObjectStore('meta', { keyPath: 'name' });
      };
      request.onsuccess = () => resolve(request.result);
    });
    const opening = db();
    await vi.waitFor(async () =>
      expect((await storeProblems()).map((p) => p.kind)).toContain('blocked'),
    );
    old.close();
    await opening;
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('unknown');
  });
});
