// The background's side of the messages declared in lib/messaging.ts: who may
// send each one, and the checks before a handler runs. Kept apart so that the
// content scripts, which only send, do not carry both sites' adapters.
import * as v from 'valibot';
import type { Runtime } from '../browser';
import {
  MESSAGES,
  type HandlerContext,
  type Handlers,
  type MessageName,
  type Reply,
  type SenderKind,
} from '../messaging';
import { adapterForUrl } from '../sites';

export interface RouterIdentity {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''): chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionOrigin: string;
}

/** Why a sender may not send a message of this kind, or null when it may. */
export function senderProblem(
  from: SenderKind,
  sender: Runtime.MessageSender,
  identity: RouterIdentity,
): string | null {
  if (sender.id !== identity.extensionId) return 'sender is not Clearline';
  const url = sender.url ?? '';
  if (from === 'extension') {
    // The prompt frame is loaded through a dynamic URL (use_dynamic_url), whose
    // host is a per-session id rather than ours; sender.id still says it is ours,
    // and no web page or content script has an extension-scheme URL.
    const scheme = new URL(identity.extensionOrigin).protocol;
    const ours = url.startsWith(identity.extensionOrigin) || url.startsWith(`${scheme}//`);
    return ours ? null : 'only Clearline pages may ask this';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'sender has no page address';
  }
  // A same-origin frame of the site (frameId > 0) runs the prompt too (all_frames).
  if (sender.tab?.id === undefined || sender.frameId === undefined) return 'not from a page tab';
  return adapterForUrl(parsed) ? null : 'not from a covered site';
}

/**
 * Builds the background's onMessage listener. Anything that is not a Clearline
 * envelope, comes from the wrong kind of sender, or carries a malformed payload
 * is refused with a reason and never reaches a handler.
 */
export function createRouter(handlers: Handlers, identity: RouterIdentity) {
  return async (raw: unknown, sender: Runtime.MessageSender): Promise<Reply> => {
    if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'not a message' };
    const { clearline, name, payload } = raw as Record<string, unknown>;
    if (clearline !== 1 || typeof name !== 'string' || !Object.hasOwn(MESSAGES, name)) {
      return { ok: false, error: 'unknown message' };
    }
    const spec = MESSAGES[name as MessageName];
    const problem = senderProblem(spec.from, sender, identity);
    if (problem) return { ok: false, error: problem };
    const parsed = v.safeParse(spec.payload, payload);
    if (!parsed.success)
      return { ok: false, error: `invalid payload: ${v.summarize(parsed.issues)}` };
    const handler = handlers[name as MessageName] as (
      p: unknown,
      c: HandlerContext,
    ) => Promise<unknown>;
    try {
      const value = await handler(parsed.output, {
        tabId: sender.tab?.id,
        frameId: sender.frameId ?? 0,
        senderUrl: sender.url ?? '',
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
