// Local, content-free counters for the supervision summary: how often the prompt
// appeared and how it was answered, per day and action kind. No identities.
import { seal, type Sealed } from '../crypto';
import type { PromptAction } from '../settings/definitions';
import { STORAGE_ITEMS } from '../storage-items';
import { localDay } from '../supervision/types';

export const COUNTER_NAMES = [
  'shown',
  'cancelled',
  'continued',
  'markedClient',
  'notClient',
  'blocked',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type DayCounters = Partial<Record<PromptAction, Partial<Record<CounterName, number>>>>;
export type PromptCounters = Record<string, DayCounters>;

const MAX_REASONS = 500;

/** The counters' day: the coach's local calendar day. */
export const today = localDay;

export async function readCounters(): Promise<PromptCounters> {
  return STORAGE_ITEMS.promptCounters.getValue();
}

// Counts are read, changed and written back: one at a time, so that a count the
// background does not wait for (a prompt shown) cannot undo another.
let counting: Promise<void> = Promise.resolve();

/**
 * Counts one answer, best effort: the promise never rejects. A count is a
 * nicety for supervision; a full storage.local must never keep Cancel, Escape
 * or Continue from closing the prompt (the tab would stay blocked).
 */
export function count(category: PromptAction, name: CounterName, now = new Date()): Promise<void> {
  counting = counting.then(() =>
    countNow(category, name, now).catch((error: unknown) => {
      console.warn('Clearline: a prompt count was not kept', error);
    }),
  );
  return counting;
}

async function countNow(category: PromptAction, name: CounterName, now: Date): Promise<void> {
  const counters = await readCounters();
  const day = (counters[today(now)] ??= {});
  const forAction = (day[category] ??= {});
  forAction[name] = (forAction[name] ?? 0) + 1;
  await STORAGE_ITEMS.promptCounters.setValue(counters);
}

/**
 * The observed-post reminder, counted apart: shown, closed without a note, noted
 * for follow-up, or taken to the crisis protocol (risk of harm). Per day only.
 */
export const POST_REMINDER_COUNTER_NAMES = ['shown', 'closed', 'noted', 'urgent'] as const;
export type PostReminderCounterName = (typeof POST_REMINDER_COUNTER_NAMES)[number];
export type PostReminderCounters = Record<string, Partial<Record<PostReminderCounterName, number>>>;

export async function readPostReminderCounters(): Promise<PostReminderCounters> {
  return STORAGE_ITEMS.postReminderCounters.getValue();
}

/** Counts one post reminder event, best effort and one at a time, like the prompt counts. */
export function countPostReminder(name: PostReminderCounterName, now = new Date()): Promise<void> {
  counting = counting.then(async () => {
    try {
      const counters = await readPostReminderCounters();
      const day = (counters[today(now)] ??= {});
      day[name] = (day[name] ?? 0) + 1;
      await STORAGE_ITEMS.postReminderCounters.setValue(counters);
    } catch (error) {
      console.warn('Clearline: a post reminder count was not kept', error);
    }
  });
  return counting;
}

export interface StoredReason {
  date: string;
  category: PromptAction;
  /** Sealed with the data key; null when the list was locked (the reason was required, not kept). */
  sealed: Sealed | null;
}

/**
 * Keeps a reason written in "reason" mode, best effort like the counts: the coach
 * wrote it, which is what the mode asks; a full storage must not undo their
 * Continue (a locked list already keeps none: `sealed: null`).
 */
export async function keepReason(
  category: PromptAction,
  reason: string,
  key: CryptoKey | null,
): Promise<void> {
  try {
    await keepReasonNow(category, reason, key);
  } catch (error) {
    console.warn('Clearline: a reason was not kept', error);
  }
}

async function keepReasonNow(
  category: PromptAction,
  reason: string,
  key: CryptoKey | null,
): Promise<void> {
  const { promptReasons } = STORAGE_ITEMS;
  const reasons = await promptReasons.getValue();
  reasons.push({ date: today(), category, sealed: key ? await seal(key, reason.trim()) : null });
  await promptReasons.setValue(reasons.slice(-MAX_REASONS));
}
