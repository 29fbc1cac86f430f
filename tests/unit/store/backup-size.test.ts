// Every backup Clearline writes is one it can read back: export and import share
// one size limit (made small here, so the edges are cheap to reach), and a file
// cannot unpack into more than a few times that.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveKey, randomBytes, sealBytes, toBase64 } from '../../../lib/crypto';
import { exportBackup, importBackup } from '../../../lib/store/backup';
import { addClient, listClients } from '../../../lib/store/client-list';
import { freshWorld, rawDump } from './setup';

const LIMIT = 32 * 1024;
vi.mock('../../../lib/store/types', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/store/types')>()),
  BACKUP_MAX_BYTES: 32 * 1024,
}));

beforeEach(freshWorld);
const PASS = 'backup passphrase';

/** Text that packs about as badly as typed notes can: random letters. */
const noise = (length: number) =>
  Array.from(randomBytes(length), (b) => String.fromCharCode(97 + (b % 26))).join('');

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

describe('one size limit for export and import', () => {
  it('a list that would make a file over the limit is refused at export, not at import', async () => {
    const sizes: number[] = [];
    // Grow the list, four clients a step, until export refuses; every file it wrote on the way imports.
    for (let added = 0; ;) {
      for (const end = added + 4; added < end; added += 1) {
        await addClient(
          {
            profileUrl: `https://www.facebook.com/client.${added}`,
            label: noise(20),
            note: noise(2000),
            dischargedOn: null,
          },
          3,
        );
      }
      let contents: string;
      try {
        contents = (await exportBackup(PASS)).contents;
      } catch (error) {
        expect(String(error)).toContain('backup-too-large-to-export');
        break;
      }
      sizes.push(contents.length);
      expect(contents.length).toBeLessThanOrEqual(LIMIT);
      const before = await listClients(3);
      await expect(importBackup(contents, PASS)).resolves.toMatchObject({ clients: added });
      expect(await listClients(3)).toEqual(before);
    }
    expect(sizes.length).toBeGreaterThan(1);
  }, 30_000);

  it('a small file that unpacks past the limit is refused and changes nothing', async () => {
    await addClient(
      { profileUrl: 'https://www.facebook.com/keep.me', label: 'K', note: '', dischargedOn: null },
      3,
    );
    const before = await rawDump();
    const inner = `{"version":1,"clients":[],"decisions":[],"hmacSecret":"${' '.repeat(8 * LIMIT)}"}`;
    const packed = await gzip(new TextEncoder().encode(inner));
    expect(packed.length).toBeLessThan(LIMIT);
    const salt = randomBytes(16);
    const sealed = await sealBytes(await deriveKey(PASS, salt, 600_000), packed);
    const file = JSON.stringify({
      format: 'clearline-backup',
      version: 2,
      exportedAt: new Date().toISOString(),
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: toBase64(salt) },
      cipher: { name: 'AES-GCM', iv: sealed.iv },
      data: sealed.data,
    });
    await expect(importBackup(file, PASS)).rejects.toThrow('backup-too-large');
    expect(await rawDump()).toBe(before);
  });
});
