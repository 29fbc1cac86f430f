// The background's side of the boundary prompt. A content script registers a
// prompt under a one-time nonce, and hands the nonce to the prompt frame (our own
// page, inside the host page) once it is registered; the frame fetches what to
// show and answers with that nonce; the background records the answer, and only
// then does the frame tell its content script, over their own port
// (lib/prompt/port.ts), to replay the action or drop it. The host page sees none
// of this: it can neither read the nonce nor forge a reply.
import { browser } from '../browser';
import type { Handlers, MessagePayload } from '../messaging';
import { loadSettings } from '../settings';
import type { ActionKind } from '../sites/types';
import type { Verdict } from '../store/types';
import { STORAGE_ITEMS } from '../storage-items';
import { clientLabelFor, markClient, recordNotClient, verdict } from '../store/client-list';
import { dataKey } from '../keyring/keyring';
import { count, countPostReminder, keepReason, readCounters } from '../prompt/counters';
import {
  categoryOf,
  type OpenPrompt,
  type PromptContext,
  type PromptErrorCode,
} from '../prompt/types';
import { createObservation } from '../observations/store';
import { checkObservationReminder } from './observation-reminder';
import { withinWorkingHours } from '../prompt/working-hours';
import { shouldAsk } from '../prompt/should-ask';

/**
 * Prompts never answered are dropped after this long; their frames then say they
 * expired. Their records (handles, a name, a post address) go at that moment too:
 * PROMPT_EXPIRY_ALARM wakes the worker for the next one to expire.
 */
export const PROMPT_TTL_MS = 30 * 60_000;
export const PROMPT_EXPIRY_ALARM = 'prompt-expiry';

const isExpired = (record: OpenPrompt, now = Date.now()) => now - record.createdAt > PROMPT_TTL_MS;

class PromptError extends Error {
  constructor(readonly code: PromptErrorCode) {
    super(code);
  }
}

const prompts = STORAGE_ITEMS.prompt;

async function readPrompt(nonce: string, tabId: number | undefined): Promise<OpenPrompt> {
  const item = prompts.item(nonce);
  const record = await item.getValue();
  // Expired: of no use to anyone any more, so not kept until its alarm.
  if (record && isExpired(record)) await item.removeValue();
  // Only a frame in the same tab as the content script that opened it may use the nonce.
  if (!record || record.tabId !== tabId || isExpired(record)) {
    throw new PromptError('prompt-expired');
  }
  return record;
}

/**
 * Removes the records of prompts nobody answered in time, and sets the alarm
 * for the next one to expire. Run by PROMPT_EXPIRY_ALARM, and by the half-hourly
 * alarm as well (should a race between two prompts ever leave one without).
 */
export async function forgetExpiredPrompts(now = Date.now()): Promise<void> {
  const stale: string[] = [];
  let next = Infinity;
  for (const [key, record] of await prompts.entries()) {
    if (isExpired(record, now)) stale.push(key);
    else next = Math.min(next, record.createdAt + PROMPT_TTL_MS + 1);
  }
  await prompts.remove(stale);
  if (next !== Infinity) await browser.alarms.create(PROMPT_EXPIRY_ALARM, { when: next });
}

/**
 * An alarm for when this prompt expires, unless one is set already: that one is
 * for an older prompt, and reschedules for the rest when it runs. Best effort
 * and not waited for: the question must not wait on it.
 */
function scheduleExpiry(createdAt: number): void {
  void (async () => {
    if (await browser.alarms.get(PROMPT_EXPIRY_ALARM)) return;
    await browser.alarms.create(PROMPT_EXPIRY_ALARM, { when: createdAt + PROMPT_TTL_MS + 1 });
  })().catch(() => undefined);
}

const CLIENT_VERDICTS = new Set(['client', 'former-client']);

type SettingValues = Awaited<ReturnType<typeof loadSettings>>['values'];

async function contextFor(prompt: OpenPrompt, settings?: SettingValues): Promise<PromptContext> {
  const values = settings ?? (await loadSettings()).values;
  const category = categoryOf(prompt.action);
  const mode = values.promptMode[category];
  // Independent reads, side by side.
  // No data key (locked, or no passphrase yet where the agency requires one): no label.
  const locked = dataKey().then((key) => key === null);
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
    locked: await locked,
    // Sending in an open thread is asked about after hours whoever it is (the page must not
    // tell clients apart by it); Message from a profile or card only for a client.
    afterHours:
      !prompt.post &&
      category === 'message' &&
      (isClient || prompt.action === 'send-message') &&
      !withinWorkingHours(values.workHours),
    trouble: prompt.trouble ?? null,
    workHours: values.workHours,
    post: prompt.post ?? null,
    noted: prompt.noted ?? false,
  };
}

/**
 * The context computed when the prompt was opened: the frame's first ask needs no
 * second read. The content script hands the frame its nonce only once the prompt
 * is registered, so the frame never asks before it is there.
 */
const openedContexts = new Map<string, { tabId: number; at: number; context: PromptContext }>();
const OPENED_CONTEXT_MS = 10_000;

/** The answer is recorded: the nonce is spent (the frame then tells its content script). */
const endPrompt = (nonce: string) => prompts.item(nonce).removeValue();

/** openPrompt's work: keep the prompt, decide whether it shows, and remember its context. */
async function registerPrompt(
  { nonce, site, action, keys, name, stopped, trouble, post }: MessagePayload<'openPrompt'>,
  tabId: number,
): Promise<{ show: boolean }> {
  const record: OpenPrompt = {
    tabId,
    site,
    action: post ? 'post' : action,
    keys,
    name,
    stopped,
    ...(stopped && trouble ? { trouble } : {}),
    ...(post ? { post } : {}),
    createdAt: Date.now(),
  };
  const item = prompts.item(nonce);
  const kept = item.setValue(record);
  // Counted once, as 'blocked', when the content script closed the hidden prompt.
  if (stopped) {
    await kept;
    scheduleExpiry(record.createdAt);
    return { show: true };
  }
  // One settings read for the decision and the context; the writes and reads side by side.
  const { values } = await loadSettings();
  const [, context] = await Promise.all([kept, contextFor(record, values)]);
  const isClient = CLIENT_VERDICTS.has(context.verdict);
  // The observed-post reminder is only for a marked client's (or former client's) post.
  // A question asked by the content script's rule, with what the list knows: a "not a
  // client" answer the page had not cached yet, say, lets the action go on by itself.
  const skip = post
    ? !isClient
    : !shouldAsk(values, action as ActionKind, isClient ? 'client' : knownVerdict(context.verdict));
  if (skip) {
    await item.removeValue();
    return { show: false };
  }
  openedContexts.set(nonce, { tabId, at: Date.now(), context });
  scheduleExpiry(record.createdAt);
  // Not waited for: the question need not wait on a counter (counts run one at a time).
  if (post) void countPostReminder('shown');
  else void count(categoryOf(action), 'shown').catch(() => undefined);
  return { show: true };
}

type PromptHandlers = Pick<
  Handlers,
  'openPrompt' | 'closePrompt' | 'getPromptContext' | 'answerPrompt' | 'getPromptCounts'
>;

/** What the list says of someone for shouldAsk: a person the page did not identify is not known. */
const knownVerdict = (found: PromptContext['verdict']): Verdict =>
  found === 'unidentified' ? 'unknown' : found;

export const promptHandlers: PromptHandlers = {
  getPromptCounts: () => readCounters(),

  async openPrompt(payload, { tabId }) {
    if (tabId === undefined) throw new Error('no tab');
    return registerPrompt(payload, tabId);
  },

  async closePrompt({ nonce }, { tabId }) {
    openedContexts.delete(nonce);
    const prompt = await readPrompt(nonce, tabId).catch(() => null);
    if (prompt) {
      await endPrompt(nonce);
      await count(categoryOf(prompt.action), 'blocked');
    }
    return { closed: true };
  },

  async getPromptContext({ nonce }, { tabId }) {
    const prompt = await readPrompt(nonce, tabId);
    const opened = openedContexts.get(nonce);
    openedContexts.delete(nonce);
    if (opened && opened.tabId === tabId && Date.now() - opened.at < OPENED_CONTEXT_MS)
      return opened.context;
    return contextFor(prompt);
  },

  /**
   * { context: null }: the prompt is over. The frame then tells its content
   * script: Cancel drops the action; every other answer that ends a prompt
   * replays it (any the rules refuse is thrown here, before that).
   */
  async answerPrompt({ nonce, choice, reason, label, note }, { tabId }) {
    if (choice === 'cancel') {
      // Cancel always works, even on an expired prompt: it only closes the frame.
      const prompt = await readPrompt(nonce, tabId).catch(() => null);
      if (!prompt) return { context: null };
      // A reminder closed after a note was counted as noted: closed counts the ones left at that.
      if (prompt.post) {
        if (!prompt.noted) await countPostReminder('closed');
      } else await count(categoryOf(prompt.action), 'cancelled');
      await endPrompt(nonce);
      return { context: null };
    }
    const prompt = await readPrompt(nonce, tabId);
    const context = await contextFor(prompt);
    const category = context.category;
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
      await countPostReminder(urgent ? 'urgent' : 'noted');
      const next = { ...prompt, noted: true, crisis: urgent || prompt.crisis };
      await prompts.item(nonce).setValue(next);
      await checkObservationReminder();
      return { context: await contextFor(next) };
    }
    if (prompt.post) {
      // Continue on a post: replay; the prompt modes govern connecting, not sharing.
      if (choice !== 'continue') throw new PromptError('not-allowed');
      await endPrompt(nonce);
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
      await endPrompt(nonce);
      return { context: null };
    }
    // continue
    if (context.mode === 'block-clients' && isClient) throw new PromptError('not-allowed');
    if (context.mode === 'reason') {
      if (!reason?.trim()) throw new PromptError('reason-required');
      await keepReason(category, reason, await dataKey());
    }
    await count(category, 'continued');
    await endPrompt(nonce);
    return { context: null };
  },
};

/** A closed tab's open prompts can never be answered: drop them. */
export async function forgetTabPrompts(tabId: number): Promise<void> {
  const stale = (await prompts.entries())
    .filter(([, record]) => record.tabId === tabId)
    .map(([key]) => key);
  await prompts.remove(stale);
}

/**
 * Part of "Erase all": every open prompt is forgotten, with the contexts kept
 * for a frame's first ask. Its frame then says it expired; Cancel still closes it.
 */
export async function forgetAllPrompts(): Promise<void> {
  openedContexts.clear();
  await prompts.removeAll();
  await browser.alarms.clear(PROMPT_EXPIRY_ALARM);
}
