// The background's side of the boundary prompt. A content script registers a
// prompt under a one-time nonce; the prompt frame (our own page, inside the host
// page) fetches what to show and answers with that nonce; the background records
// the answer and tells the content script to replay the action or drop it. The
// host page sees none of this: it can neither read the nonce nor forge a reply.
import { browser } from '../browser';
import type { Handlers, TabMessageName, TabMessagePayload } from '../messaging';
import { loadSettings } from '../settings';
import type { PostActionKind, SiteId } from '../sites/types';
import { STORAGE_ITEMS } from '../storage-items';
import { clientLabelFor, markClient, recordNotClient, verdict } from '../store/client-list';
import { dataKey, lockState } from '../store/keyring';
import { count, keepReason, readCounters } from './counters';
import { categoryOf, type PromptContext, type PromptErrorCode, type PromptSubject } from './types';
import { createObservation } from '../observations/store';
import { checkObservationReminder } from '../observations/follow-up';
import { withinWorkingHours } from './working-hours';

/** What the background keeps about an open prompt (session storage: memory only). */
interface OpenPrompt {
  tabId: number;
  site: SiteId;
  action: PromptSubject;
  keys: string[];
  name: string | null;
  stopped: boolean;
  /** The observed-post reminder: what is done with the post, and its address. */
  post?: { action: PostActionKind; url: string | null };
  /** After "Note for follow-up" / "Risk of harm". */
  noted?: boolean;
  crisis?: boolean;
}

/** Prompts never answered are dropped after this long; their frames then say they expired. */
const PROMPT_TTL_MS = 30 * 60_000;

class PromptError extends Error {
  constructor(readonly code: PromptErrorCode) {
    super(code);
  }
}

const session = browser.storage.session;

async function readPrompt(
  nonce: string,
  tabId: number | undefined,
): Promise<OpenPrompt & { createdAt: number }> {
  const key = STORAGE_ITEMS.prompt.key(nonce);
  const record = (await session.get(key))[key] as (OpenPrompt & { createdAt: number }) | undefined;
  // Only a frame in the same tab as the content script that opened it may use the nonce.
  if (!record || record.tabId !== tabId || Date.now() - record.createdAt > PROMPT_TTL_MS) {
    throw new PromptError('prompt-expired');
  }
  return record;
}

async function sendToTab<N extends TabMessageName>(
  tabId: number,
  name: N,
  payload: TabMessagePayload<N>,
) {
  await browser.tabs.sendMessage(tabId, { clearline: 1, name, payload }, { frameId: 0 });
}

const CLIENT_VERDICTS = new Set(['client', 'former-client']);

async function contextFor(prompt: OpenPrompt): Promise<PromptContext> {
  const { values } = await loadSettings();
  const category = categoryOf(prompt.action);
  const mode = values.promptMode[category];
  const found =
    prompt.keys.length > 0 ? await verdict(prompt.keys, values.formerClientYears) : 'unidentified';
  const isClient = CLIENT_VERDICTS.has(found);
  const postStage = prompt.crisis ? 'crisis' : 'observed';
  return {
    stage: prompt.stopped ? 'stopped' : prompt.post ? postStage : isClient ? 'guidance' : 'ask',
    action: prompt.action,
    site: prompt.site,
    category,
    // Off by the time the frame asks (settings changed): still ask, never skip silently.
    mode: mode === 'off' ? 'remind' : mode,
    profileKey: prompt.keys[0] ?? null,
    name: prompt.name,
    verdict: found,
    clientLabel: isClient ? await clientLabelFor(prompt.keys) : null,
    locked: (await lockState()).locked,
    afterHours:
      !prompt.post && category === 'message' && isClient && !withinWorkingHours(values.workHours),
    workHours: values.workHours,
    post: prompt.post ?? null,
    noted: prompt.noted ?? false,
  };
}

async function finish(nonce: string, prompt: OpenPrompt, outcome: 'replay' | 'cancel') {
  await session.remove(STORAGE_ITEMS.prompt.key(nonce));
  await sendToTab(prompt.tabId, 'promptResolved', { nonce, outcome });
}

type PromptHandlers = Pick<
  Handlers,
  | 'openPrompt'
  | 'closePrompt'
  | 'getPromptContext'
  | 'promptShown'
  | 'answerPrompt'
  | 'getPromptCounts'
>;

export const promptHandlers: PromptHandlers = {
  getPromptCounts: () => readCounters(),

  async openPrompt({ nonce, site, action, keys, name, stopped, post }, { tabId }) {
    if (tabId === undefined) throw new Error('no tab');
    const record: OpenPrompt & { createdAt: number } = {
      tabId,
      site,
      action: post ? 'post' : action,
      keys,
      name,
      stopped,
      ...(post ? { post } : {}),
      createdAt: Date.now(),
    };
    await session.set({ [STORAGE_ITEMS.prompt.key(nonce)]: record });
    const { values } = await loadSettings();
    const category = categoryOf(action);
    // Counted once, as 'blocked', when the content script closed the hidden prompt.
    if (stopped) return { show: true };
    const context = await contextFor(record);
    // The observed-post reminder is only for a marked client's (or former client's) post.
    if (post) {
      if (!CLIENT_VERDICTS.has(context.verdict)) {
        await session.remove(STORAGE_ITEMS.prompt.key(nonce));
        return { show: false };
      }
      return { show: true };
    }
    // No question after all: "known clients only" and this is not one, or a "not a
    // client" answer the content script had not cached yet. It replays by itself.
    const skip =
      context.verdict === 'not-client' ||
      (values.promptScope === 'clients-only' && context.stage === 'ask');
    if (skip) {
      await session.remove(STORAGE_ITEMS.prompt.key(nonce));
      return { show: false };
    }
    await count(category, 'shown');
    return { show: true };
  },

  async closePrompt({ nonce }, { tabId }) {
    const prompt = await readPrompt(nonce, tabId).catch(() => null);
    if (prompt) {
      await session.remove(STORAGE_ITEMS.prompt.key(nonce));
      await count(categoryOf(prompt.action), 'blocked');
    }
    return { closed: true };
  },

  async getPromptContext({ nonce }, { tabId }) {
    return contextFor(await readPrompt(nonce, tabId));
  },

  async promptShown({ nonce }, { tabId }) {
    const prompt = await readPrompt(nonce, tabId);
    await sendToTab(prompt.tabId, 'promptShown', { nonce });
    return { shown: true };
  },

  async answerPrompt({ nonce, choice, reason, label, note }, { tabId }) {
    // Cancel always works, even on an expired prompt: it only closes the frame.
    if (choice === 'cancel' && tabId !== undefined) {
      const stale = await readPrompt(nonce, tabId).catch(() => null);
      if (!stale) {
        await sendToTab(tabId, 'promptResolved', { nonce, outcome: 'cancel' });
        return { context: null };
      }
    }
    const prompt = await readPrompt(nonce, tabId);
    const context = await contextFor(prompt);
    const category = context.category;
    if (choice === 'cancel') {
      if (!prompt.post) await count(category, 'cancelled');
      await finish(nonce, prompt, 'cancel');
      return { context: null };
    }
    if (context.stage === 'stopped') throw new PromptError('not-allowed');
    if (choice === 'note' || choice === 'risk') {
      if (!prompt.post) throw new PromptError('not-allowed');
      const urgent = choice === 'risk';
      await createObservation({
        platform: prompt.site,
        keys: prompt.keys,
        postUrl: prompt.post.url,
        // An urgent observation never waits on a note or a passphrase.
        note: urgent ? '' : (note ?? ''),
        urgent,
      });
      const next = { ...prompt, noted: true, crisis: urgent || prompt.crisis };
      await session.set({ [STORAGE_ITEMS.prompt.key(nonce)]: next });
      await checkObservationReminder();
      return { context: await contextFor(next) };
    }
    if (prompt.post) {
      // Continue on a post: replay; the prompt modes govern connecting, not sharing.
      if (choice !== 'continue') throw new PromptError('not-allowed');
      await finish(nonce, prompt, 'replay');
      return { context: null };
    }
    const isClient = CLIENT_VERDICTS.has(context.verdict);
    if (choice === 'client') {
      if (prompt.keys.length === 0) throw new PromptError('unidentified');
      await markClient(prompt.keys, label ?? '');
      await count(category, 'markedClient');
      return { context: await contextFor(prompt) };
    }
    if (choice === 'not-client') {
      if (prompt.keys.length === 0) throw new PromptError('unidentified');
      if (isClient) throw new PromptError('not-allowed');
      for (const key of prompt.keys) await recordNotClient(key);
      await count(category, 'notClient');
      await finish(nonce, prompt, 'replay');
      return { context: null };
    }
    // continue
    if (context.mode === 'block-clients' && isClient) throw new PromptError('not-allowed');
    if (context.mode === 'reason') {
      if (!reason?.trim()) throw new PromptError('reason-required');
      await keepReason(category, reason, await dataKey());
    }
    await count(category, 'continued');
    await finish(nonce, prompt, 'replay');
    return { context: null };
  },
};

/** A closed tab's open prompts can never be answered: drop them. */
export async function forgetTabPrompts(tabId: number): Promise<void> {
  const all = await session.get(null);
  const stale = Object.entries(all)
    .filter(
      ([key, value]) =>
        key.startsWith(STORAGE_ITEMS.prompt.prefix) && (value as OpenPrompt).tabId === tabId,
    )
    .map(([key]) => key);
  if (stale.length) await session.remove(stale);
}
