// The one declaration of every message between content scripts, extension pages
// and the background. Each message names who may send it and the shape of its
// payload; the background's router checks both before any handler runs.
import * as v from 'valibot';
import { browser, type Runtime } from './browser';
import { PAGE_KINDS, type SiteId } from './sites/types';
import { adapterForUrl } from './sites';

/** content: a content script in a tab of a covered site. extension: one of our own pages. */
export type SenderKind = 'content' | 'extension';

interface MessageSpec<P extends v.GenericSchema, R> {
  from: SenderKind;
  payload: P;
  /** Type-only marker for the response; never set at run time. */
  response?: R;
}

function message<R>() {
  return <P extends v.GenericSchema>(from: SenderKind, payload: P): MessageSpec<P, R> => ({
    from,
    payload,
  });
}

const profileKey = v.nullable(
  v.pipe(v.string(), v.maxLength(200), v.regex(/^(fb|ig):[a-z0-9._:]+$/)),
);

export const PageStatusSchema = v.strictObject({
  site: v.picklist(['facebook', 'instagram'] satisfies SiteId[]),
  /** The page's address now: after a single-page navigation the sender's URL can lag behind. */
  url: v.pipe(v.string(), v.maxLength(4096), v.url()),
  pageKind: v.picklist(PAGE_KINDS),
  profileKey,
  profileOwner: v.picklist(['own', 'other', 'unknown']),
});
export type PageStatus = v.InferOutput<typeof PageStatusSchema>;

/** What the background keeps per tab: the report and when it came. */
export interface TabPageStatus extends PageStatus {
  reportedAt: number;
}

export const MESSAGES = {
  /** A content script tells what page it is on; the popup shows it. */
  reportPageStatus: message<{ recorded: true }>()('content', PageStatusSchema),
  /** The popup asks what a tab's content script last reported. */
  getPageStatus: message<TabPageStatus | null>()(
    'extension',
    v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),
} as const;

export type MessageName = keyof typeof MESSAGES;
export type MessagePayload<N extends MessageName> = v.InferOutput<(typeof MESSAGES)[N]['payload']>;
export type MessageResponse<N extends MessageName> =
  (typeof MESSAGES)[N] extends MessageSpec<v.GenericSchema, infer R> ? R : never;

/** The reply envelope: a handler's value, or why the request was refused. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a request to the background and unwraps its reply; a refusal becomes an Error. */
export async function sendMessage<N extends MessageName>(
  name: N,
  payload: MessagePayload<N>,
): Promise<MessageResponse<N>> {
  const reply = (await browser.runtime.sendMessage({ clearline: 1, name, payload })) as
    Reply<MessageResponse<N>> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`${name}: no reply from Clearline`);
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.value;
}

export interface HandlerContext {
  /** The sender's tab, for messages from content scripts. */
  tabId: number | undefined;
  senderUrl: string;
}

export type Handlers = {
  [N in MessageName]: (
    payload: MessagePayload<N>,
    context: HandlerContext,
  ) => Promise<MessageResponse<N>>;
};

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
    return url.startsWith(identity.extensionOrigin) ? null : 'only Clearline pages may ask this';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'sender has no page address';
  }
  if (sender.tab?.id === undefined || sender.frameId !== 0) return 'not from a page tab';
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
        senderUrl: sender.url ?? '',
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
