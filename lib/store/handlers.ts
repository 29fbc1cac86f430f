// The background's answers about the client list, one per declared message.
import { browser } from '../browser';
import type { Handlers } from '../messaging';
import { loadSettings } from '../settings';
import { exportBackup, importBackup } from './backup';
import {
  addClient,
  clearDatabase,
  listClients,
  listDecisions,
  removeClient,
  removeDecision,
  storeProblems,
  updateClient,
  verdict,
} from './client-list';
import { StoreError } from './errors';
import * as keyring from './keyring';
import { ERASE_CONFIRMATION } from './types';

export const IDLE_LOCK_ALARM = 'idle-lock';

const formerClientYears = async () => (await loadSettings()).values.formerClientYears;

/**
 * The coach is using Clearline's pages: push the idle lock back. An alarm, not a
 * timer, because the service worker sleeps; the alarm wakes it to lock.
 */
async function touch(): Promise<void> {
  const { values } = await loadSettings();
  await browser.alarms.create(IDLE_LOCK_ALARM, { delayInMinutes: values.idleLockMinutes });
}

/** With touch(): every privileged request counts as activity. */
function active<A extends unknown[], R>(handler: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const result = await handler(...args);
    await touch();
    return result;
  };
}

type StoreHandlers = Pick<
  Handlers,
  | 'getVerdict'
  | 'getLockState'
  | 'unlock'
  | 'lock'
  | 'setPassphrase'
  | 'removePassphrase'
  | 'listClients'
  | 'addClient'
  | 'updateClient'
  | 'removeClient'
  | 'listDecisions'
  | 'removeDecision'
  | 'exportBackup'
  | 'importBackup'
  | 'eraseAll'
  | 'getStoreProblems'
>;

export const storeHandlers: StoreHandlers = {
  async getVerdict({ keys }) {
    return { verdict: await verdict(keys, await formerClientYears()) };
  },
  getLockState: () => keyring.lockState(),
  unlock: active(({ passphrase }) => keyring.unlock(passphrase)),
  lock: async () => {
    await browser.alarms.clear(IDLE_LOCK_ALARM);
    return keyring.lock();
  },
  setPassphrase: active(({ current, next }) => keyring.setPassphrase(current, next)),
  removePassphrase: active(({ current }) => keyring.removePassphrase(current)),
  listClients: active(async () => listClients(await formerClientYears())),
  addClient: active(async (input) => addClient(input, await formerClientYears())),
  updateClient: active(async (change) => updateClient(change, await formerClientYears())),
  removeClient: active(async ({ id }) => {
    await removeClient(id);
    return { removed: true as const };
  }),
  listDecisions: active(async () => ({ decisions: await listDecisions() })),
  removeDecision: active(async ({ id }) => {
    await removeDecision(id);
    return { removed: true as const };
  }),
  exportBackup: active(({ passphrase }) => exportBackup(passphrase)),
  importBackup: active(({ contents, passphrase }) => importBackup(contents, passphrase)),
  async eraseAll({ confirmation }) {
    if (confirmation !== ERASE_CONFIRMATION) throw new StoreError('confirmation-mismatch');
    await clearDatabase();
    await keyring.forgetKeyring();
    await browser.storage.local.clear();
    await browser.alarms.clear(IDLE_LOCK_ALARM);
    return { erased: true };
  },
  getStoreProblems: async () => ({ problems: await storeProblems() }),
};
