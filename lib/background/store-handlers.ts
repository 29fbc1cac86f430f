// The background's answers about the client list, one per declared message.
import { browser } from '../browser';
import type { Handlers } from '../messaging';
import { loadSettings } from '../settings';
import { forgetAllTabs } from './page-status';
import { adoptManagedIfPresent } from '../policy/sync';
import { forgetAllPrompts } from './prompt-handlers';
import { STORAGE_ITEMS } from '../storage-items';
import { exportBackup, importBackup } from '../store/backup';
import {
  addClient,
  clearDatabase,
  listClients,
  listDecisions,
  removeClient,
  removeDecision,
  updateClient,
  verdict,
  clientLabelFor,
} from '../store/client-list';
import { storeProblems } from '../db/problems';
import { StoreError } from '../db/errors';
import * as keyring from '../keyring/keyring';
import { ERASE_CONFIRMATION } from '../store/types';
import { createVerdictBudget } from '../store/verdict-budget';

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

/** Whether the agency requires a passphrase (requirePassphrase) and none is set yet. */
async function passphraseMissing(): Promise<boolean> {
  const { agency } = await loadSettings();
  return agency.requirePassphrase === true && !(await keyring.lockState()).hasPassphrase;
}

/** For the list's own data: refused until a required passphrase is set. */
function protectedData<A extends unknown[], R>(handler: (...args: A) => Promise<R>) {
  return active(async (...args: A): Promise<R> => {
    if (await passphraseMissing()) throw new StoreError('passphrase-required');
    return handler(...args);
  });
}

async function lockStateWithPolicy() {
  const state = await keyring.lockState();
  return { ...state, passphraseRequired: await passphraseMissing() };
}

type StoreHandlers = Pick<
  Handlers,
  | 'getVerdict'
  | 'getProfileStanding'
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

/** New people each tab may ask about (lib/store/verdict-budget.ts). */
export const verdictBudget = createVerdictBudget();

export const storeHandlers: StoreHandlers = {
  async getVerdict({ keys }, { tabId }) {
    if (tabId !== undefined && !verdictBudget.allow(tabId, keys))
      return { verdict: 'unknown' as const, limited: true };
    return { verdict: await verdict(keys, await formerClientYears()), limited: false };
  },
  async getProfileStanding({ keys }) {
    const standing = await verdict(keys, await formerClientYears());
    const onList = standing === 'client' || standing === 'former-client';
    return { verdict: standing, label: onList ? await clientLabelFor(keys) : null };
  },
  getLockState: () => lockStateWithPolicy(),
  unlock: active(({ passphrase }) => keyring.unlock(passphrase)),
  lock: async () => {
    await browser.alarms.clear(IDLE_LOCK_ALARM);
    return keyring.lock();
  },
  setPassphrase: active(({ current, next }) => keyring.setPassphrase(current, next)),
  removePassphrase: active(async ({ current }) => {
    if ((await loadSettings()).agency.requirePassphrase === true) {
      throw new StoreError('passphrase-required-by-agency');
    }
    return keyring.removePassphrase(current);
  }),
  listClients: protectedData(async () => listClients(await formerClientYears())),
  addClient: protectedData(async (input) => addClient(input, await formerClientYears())),
  updateClient: protectedData(async (change) => updateClient(change, await formerClientYears())),
  removeClient: active(async ({ id }) => {
    await removeClient(id);
    return { removed: true as const };
  }),
  listDecisions: active(async () => ({ decisions: await listDecisions() })),
  removeDecision: active(async ({ id }) => {
    await removeDecision(id);
    return { removed: true as const };
  }),
  exportBackup: protectedData(({ passphrase }) => exportBackup(passphrase)),
  importBackup: protectedData(({ contents, passphrase }) => importBackup(contents, passphrase)),
  async eraseAll({ confirmation }) {
    if (confirmation !== ERASE_CONFIRMATION) throw new StoreError('confirmation-mismatch');
    await clearDatabase();
    await keyring.forgetKeyring();
    // storage.session names people too: open prompts (handles, a name, a post
    // address) and what each tab last reported (its address, whose profile).
    await forgetAllPrompts();
    await forgetAllTabs();
    // Erasing the coach's data never erases the agency's rules: keep the cached
    // policy (no moment without it), and take a fresher one if managed storage has it.
    const { agencyPolicy } = STORAGE_ITEMS;
    const policy = await agencyPolicy.getValue();
    await browser.storage.local.clear();
    if (policy) await agencyPolicy.setValue(policy);
    await adoptManagedIfPresent();
    await browser.alarms.clear(IDLE_LOCK_ALARM);
    return { erased: true };
  },
  getStoreProblems: async () => ({ problems: await storeProblems() }),
};
