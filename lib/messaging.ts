// The one declaration of every message between content scripts, extension pages
// and the background. Each message names who may send it and the shape of its
// payload; the background's router checks both before any handler runs.
import * as v from 'valibot';
import { browser } from './browser';
import { SITES, SITE_IDS } from './sites/registry';
import {
  ACTION_KINDS,
  CONTROL_ROLES,
  MAX_UNRECOGNIZED,
  PAGE_KINDS,
  POST_ACTIONS,
} from './sites/types';
import {
  OBSERVATION_NOTE_MAX_LENGTH,
  PROMPT_CHOICES,
  REASON_MAX_LENGTH,
  type PromptContext,
} from './prompt/types';
import {
  OBSERVATION_FILTERS,
  OBSERVATION_STATUSES,
  type ObservationFilter,
  type ObservationPage,
  type ObservationView,
} from './observations/types';
import type { PromptCounters } from './prompt/counters';
import type { SupervisionFigures } from './supervision/types';
import type { AuditView } from './audit/types';
import { DIAGNOSTIC_CHECKS } from './diagnostics';
import {
  LABEL_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  type ClientView,
  type DecisionView,
  type LockState,
  type StoreProblem,
  type Verdict,
} from './store/types';

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

const keyPrefixes = SITES.map((site) => site.keyPrefix).join('|');
const profileKeyString = v.pipe(
  v.string(),
  v.maxLength(200),
  v.regex(new RegExp(`^(${keyPrefixes}):[a-z0-9._:]+$`)),
);
const profileKey = v.nullable(profileKeyString);
const empty = v.strictObject({});
/** A local calendar day, YYYY-MM-DD. */
const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** Passphrases are checked for length by the background, which explains a short one. */
const passphrase = v.pipe(v.string(), v.maxLength(1024));
const label = v.pipe(v.string(), v.maxLength(LABEL_MAX_LENGTH));
const note = v.pipe(v.string(), v.maxLength(NOTE_MAX_LENGTH));
const date = v.pipe(v.string(), v.isoDate());
/** A stored label or note as the page showed it: a restored backup may hold longer ones than the form allows. */
const previousText = v.pipe(v.string(), v.maxLength(20_000));
const fieldChange = <F extends v.GenericSchema, T extends v.GenericSchema>(from: F, to: T) =>
  v.optional(v.strictObject({ from, to }));
const nonce = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/));

export const PageStatusSchema = v.strictObject({
  site: v.picklist(SITE_IDS),
  /** The page's address now: after a single-page navigation the sender's URL can lag behind. */
  url: v.pipe(v.string(), v.maxLength(4096), v.url()),
  pageKind: v.picklist(PAGE_KINDS),
  profileKey,
  profileOwner: v.picklist(['own', 'other', 'unknown']),
  /** What Clearline could not recognize on the page (lib/diagnostics.ts): no names, no text. */
  diagnostics: v.strictObject({
    lang: v.pipe(v.string(), v.maxLength(35), v.regex(/^[A-Za-z0-9-]*$/)),
    checks: v.pipe(
      v.array(v.strictObject({ id: v.picklist(DIAGNOSTIC_CHECKS), found: v.boolean() })),
      v.maxLength(DIAGNOSTIC_CHECKS.length),
    ),
  }),
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

  /** The popup or diagnostics page asks a tab which action-bar buttons Clearline did not understand. */
  getUnrecognizedControls: message<UnrecognizedControls>()(
    'extension',
    v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),

  /**
   * A content script asks about the profile(s) on the page: one person may show
   * two keys (fb:jane.doe and fb:id:100...). It gets a verdict, never the list.
   */
  /** limited: past the tab's budget of new people (lib/store/verdict-budget.ts), not looked up. */
  getVerdict: message<{ verdict: Verdict; limited: boolean }>()(
    'content',
    v.strictObject({ keys: v.pipe(v.array(profileKeyString), v.minLength(1), v.maxLength(4)) }),
  ),

  /**
   * The popup asks whether the profile its tab shows is on the client list, to
   * say so ("On your client list"), with the label while the list is unlocked.
   */
  getProfileStanding: message<{ verdict: Verdict; label: string | null }>()(
    'extension',
    v.strictObject({ keys: v.pipe(v.array(profileKeyString), v.minLength(1), v.maxLength(4)) }),
  ),

  getLockState: message<LockState>()('extension', empty),
  unlock: message<LockState>()('extension', v.strictObject({ passphrase })),
  lock: message<LockState>()('extension', empty),
  /** Sets a first passphrase (current: null) or changes it. */
  setPassphrase: message<LockState>()(
    'extension',
    v.strictObject({ current: v.nullable(passphrase), next: passphrase }),
  ),
  removePassphrase: message<LockState>()('extension', v.strictObject({ current: passphrase })),

  listClients: message<{ clients: ClientView[]; locked: boolean }>()('extension', empty),
  addClient: message<ClientView>()(
    'extension',
    v.strictObject({
      profileUrl: v.pipe(v.string(), v.maxLength(2048)),
      label,
      note,
      dischargedOn: v.nullable(date),
    }),
  ),
  /** Changes only the fields given, each from the value the page showed (lib/store/types.ts ClientChange). */
  updateClient: message<ClientView>()(
    'extension',
    v.strictObject({
      id,
      label: fieldChange(previousText, label),
      note: fieldChange(previousText, note),
      dischargedOn: fieldChange(v.nullable(date), v.nullable(date)),
    }),
  ),
  removeClient: message<{ removed: true }>()('extension', v.strictObject({ id })),
  listDecisions: message<{ decisions: DecisionView[] }>()('extension', empty),
  removeDecision: message<{ removed: true }>()('extension', v.strictObject({ id })),

  exportBackup: message<{ fileName: string; contents: string }>()(
    'extension',
    v.strictObject({ passphrase }),
  ),
  /** Replaces all Clearline data with the backup's, or changes nothing. */
  importBackup: message<{ clients: number; decisions: number }>()(
    'extension',
    v.strictObject({ contents: v.string(), passphrase }),
  ),
  eraseAll: message<{ erased: true }>()('extension', v.strictObject({ confirmation: v.string() })),
  getStoreProblems: message<{ problems: StoreProblem[] }>()('extension', empty),

  /**
   * A content script stopped a covered action and is about to show the prompt
   * frame. The nonce (random, 128 bits) ties the frame's requests to this tab.
   */
  openPrompt: message<{ show: boolean }>()(
    'content',
    v.strictObject({
      nonce,
      site: v.picklist(SITE_IDS),
      action: v.picklist([...ACTION_KINDS, 'post'] as const),
      keys: v.pipe(v.array(profileKeyString), v.maxLength(4)),
      name: v.nullable(v.pipe(v.string(), v.maxLength(200))),
      /** The page hid or removed an earlier prompt, or its frame failed: say so, keep blocking. */
      stopped: v.boolean(),
      /** With stopped: what went wrong, so the notice says it plainly (not loaded is not tampering). */
      trouble: v.optional(v.picklist(['removed', 'hidden', 'covered', 'not-loaded'])),
      /** Set for the observed-post reminder: what is being done with the post, and its address. */
      post: v.optional(
        v.strictObject({
          action: v.picklist(POST_ACTIONS),
          url: v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url())),
        }),
      ),
    }),
  ),
  /** The content script gave up on a prompt (the page removed it): it can no longer be answered. */
  closePrompt: message<{ closed: true }>()('content', v.strictObject({ nonce })),
  /** The prompt frame asks what to show. */
  getPromptContext: message<PromptContext>()('extension', v.strictObject({ nonce })),
  /**
   * The coach's answer, recorded. "client", "note" and "risk" return what to show
   * next; the other choices end the prompt (context: null), and only then does the
   * frame tell its content script, over their port, to replay the action or not.
   */
  answerPrompt: message<{ context: PromptContext | null }>()(
    'extension',
    v.strictObject({
      nonce,
      choice: v.picklist(PROMPT_CHOICES),
      reason: v.optional(v.pipe(v.string(), v.maxLength(REASON_MAX_LENGTH))),
      label: v.optional(label),
      /** For "note" and "risk": the coach's short note (optional). */
      note: v.optional(v.pipe(v.string(), v.maxLength(OBSERVATION_NOTE_MAX_LENGTH))),
    }),
  ),
  /**
   * A content script read the coach's own settings on a settings page (or counted
   * public posts on the own profile). Settings values only, never client data.
   */
  reportAuditFindings: message<{ updated: number }>()(
    'content',
    v.strictObject({
      platform: v.picklist(SITE_IDS),
      findings: v.pipe(
        v.array(
          v.strictObject({
            itemId: v.pipe(v.string(), v.maxLength(64)),
            result: v.picklist(['pass', 'fail', 'unknown']),
            observed: v.pipe(v.string(), v.maxLength(100)),
          }),
        ),
        v.maxLength(30),
      ),
    }),
  ),
  /** The whole audit: every item's state, the scores, the history, whether a re-audit is due. */
  getAudit: message<AuditView>()('extension', empty),
  /** "I checked this" (confirmed: true), or taking that back (false). */
  confirmAuditItem: message<AuditView>()(
    'extension',
    v.strictObject({ itemId: v.pipe(v.string(), v.maxLength(64)), confirmed: v.boolean() }),
  ),
  /** The audit as a JSON file for supervision: settings results only, no client data. */
  exportAudit: message<{ fileName: string; contents: string }>()('extension', empty),
  /**
   * One page of the observation log, newest first, with the filter applied and
   * every filter's count. `page`: null for the newest page, else the page older
   * than, newer than, or starting at an observation's position (time and id).
   */
  getObservationPage: message<ObservationPage>()(
    'extension',
    v.strictObject({
      filter: v.picklist(OBSERVATION_FILTERS),
      page: v.nullable(
        v.strictObject({
          direction: v.picklist(['older', 'newer', 'here']),
          at: v.strictObject({ createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)), id }),
        }),
      ),
    }),
  ),
  /** How many observations each filter of the log holds (after a change on the page). */
  countObservations: message<Record<ObservationFilter, number>>()('extension', empty),
  /** The popup's line: how many observations are still to discuss (the badge's number), and urgent ones. */
  countObservationsToDiscuss: message<{ count: number; urgent: number }>()('extension', empty),
  /** Moves an observation along (discussed with client, shared with team, no action) or edits its note. */
  updateObservation: message<ObservationView>()(
    'extension',
    v.strictObject({
      id,
      status: v.optional(v.picklist(OBSERVATION_STATUSES)),
      note: v.optional(v.pipe(v.string(), v.maxLength(OBSERVATION_NOTE_MAX_LENGTH))),
    }),
  ),
  deleteObservation: message<{ deleted: true }>()('extension', v.strictObject({ id })),
  /**
   * The supervision summary for a period (the last 30 days without one): its figures, and the
   * same as CSV and JSON. Figures only: never a client's identity (docs/supervision.md).
   */
  exportSupervisionSummary: message<{ figures: SupervisionFigures; csv: string; json: string }>()(
    'extension',
    v.strictObject({
      period: v.optional(v.strictObject({ from: isoDay, to: isoDay })),
    }),
  ),
  /** The content-free prompt counts, for the supervision summary on the options page. */
  getPromptCounts: message<PromptCounters>()('extension', empty),
} as const;

/** What a content script says of the post under the last right-click (describeContextPost). */
export const ContextPostSchema = v.strictObject({
  keys: v.pipe(v.array(profileKeyString), v.maxLength(4)),
  postUrl: v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url())),
});

/**
 * The buttons of a known action bar that Clearline did not understand: each one's
 * role and its label's words with names hidden (lib/sites/engine/action-bar.ts).
 */
export const UnrecognizedControlsSchema = v.strictObject({
  controls: v.pipe(
    v.array(
      v.strictObject({
        role: v.picklist(CONTROL_ROLES),
        words: v.pipe(v.string(), v.maxLength(120)),
      }),
    ),
    v.maxLength(MAX_UNRECOGNIZED),
  ),
});
export type UnrecognizedControls = v.InferOutput<typeof UnrecognizedControlsSchema>;

interface TabMessageSpec<P extends v.GenericSchema, R extends v.GenericSchema | undefined> {
  to: 'tab';
  payload: P;
  /**
   * The shape of the content script's reply, checked by the background: a page's
   * renderer runs the content script, so its reply is trusted no more than its requests.
   */
  reply: R;
}

function tabMessage<P extends v.GenericSchema, R extends v.GenericSchema | undefined = undefined>(
  payload: P,
  reply?: R,
): TabMessageSpec<P, R> {
  return { to: 'tab', payload, reply: reply as R };
}

/** Messages the background sends to a tab's content script (never from a page). */
export const TAB_MESSAGES = {
  /** The context menu was used: describe the post under the last right-click (author, address). */
  describeContextPost: tabMessage(v.strictObject({}), ContextPostSchema),
  /** The popup is open on this tab: which action-bar buttons Clearline does not understand. */
  describeUnrecognizedControls: tabMessage(v.strictObject({}), UnrecognizedControlsSchema),
} as const;
export type TabMessageName = keyof typeof TAB_MESSAGES;
export type TabMessagePayload<N extends TabMessageName> = v.InferOutput<
  (typeof TAB_MESSAGES)[N]['payload']
>;
type ReplySchemaOf<N extends TabMessageName> = (typeof TAB_MESSAGES)[N]['reply'];
export type TabMessageReply<N extends TabMessageName> =
  ReplySchemaOf<N> extends v.GenericSchema ? v.InferOutput<ReplySchemaOf<N>> : undefined;

/**
 * Sends a message to a tab's content script: to one frame of it, or to all its
 * frames when `frameId` is not given. A reply of the wrong shape is refused.
 */
export async function sendToTab<N extends TabMessageName>(
  tabId: number,
  name: N,
  payload: TabMessagePayload<N>,
  frameId?: number,
): Promise<TabMessageReply<N>> {
  const envelope = { clearline: 1, name, payload };
  const reply: unknown = await (frameId === undefined
    ? browser.tabs.sendMessage(tabId, envelope)
    : browser.tabs.sendMessage(tabId, envelope, { frameId }));
  const schema: v.GenericSchema | undefined = TAB_MESSAGES[name].reply;
  if (!schema) return undefined as TabMessageReply<N>;
  const parsed = v.safeParse(schema, reply);
  if (!parsed.success) throw new MessageError(name, 'the page answered out of shape');
  return parsed.output as TabMessageReply<N>;
}

export type MessageName = keyof typeof MESSAGES;
export type MessagePayload<N extends MessageName> = v.InferOutput<(typeof MESSAGES)[N]['payload']>;
export type MessageResponse<N extends MessageName> =
  (typeof MESSAGES)[N] extends MessageSpec<v.GenericSchema, infer R> ? R : never;

/** The reply envelope: a handler's value, or why the request was refused. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** A refused request. `reason` is the background's reason: a StoreErrorCode or a plain message. */
export class MessageError extends Error {
  constructor(
    readonly messageName: string,
    readonly reason: string,
  ) {
    super(`${messageName}: ${reason}`);
    this.name = 'MessageError';
  }
}

/** Sends a request to the background and unwraps its reply; a refusal becomes a MessageError. */
export async function sendMessage<N extends MessageName>(
  name: N,
  payload: MessagePayload<N>,
): Promise<MessageResponse<N>> {
  const reply = (await browser.runtime.sendMessage({ clearline: 1, name, payload })) as
    Reply<MessageResponse<N>> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError(name, 'no reply from Clearline');
  if (!reply.ok) throw new MessageError(name, reply.error);
  return reply.value;
}

export interface HandlerContext {
  /** The sender's tab, for messages from content scripts. */
  tabId: number | undefined;
  /** The sender's frame in its tab: 0 for the page itself, more for a frame inside it. */
  frameId?: number;
  senderUrl: string;
}

export type Handlers = {
  [N in MessageName]: (
    payload: MessagePayload<N>,
    context: HandlerContext,
  ) => Promise<MessageResponse<N>>;
};
