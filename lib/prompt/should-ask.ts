// Whether Clearline asks before an action: decided the same way by the content
// script (at the click, from the verdicts it has cached) and by the background
// (when the prompt opens, from the client list). When the two disagreed, a frame
// opened and closed at once; one rule for both sides keeps them together.
import type { Settings } from '../settings';
import type { ActionKind } from '../sites/types';
import type { Verdict } from '../store/types';
import { categoryOf } from './types';
import { withinWorkingHours } from './working-hours';

/**
 * `verdict`: what is known of the person, or undefined when the content script has
 * not learnt it yet. Whoever the person is, the answer is the same unless the coach
 * said "not a client" (or chose "known clients only"): asking only about clients
 * would tell the page who they are.
 */
export function shouldAsk(
  settings: Pick<Settings, 'promptMode' | 'promptScope' | 'workHours'>,
  kind: ActionKind,
  verdict: Verdict | undefined,
  now = new Date(),
): boolean {
  if (settings.promptMode[categoryOf(kind)] === 'off') return false;
  if (verdict === 'not-client') return false;
  // Sending in a thread that is already open: only the after-hours reminder, in every thread.
  if (kind === 'send-message' && withinWorkingHours(settings.workHours, now)) return false;
  if (settings.promptScope === 'clients-only') return verdict !== 'unknown';
  return true;
}
