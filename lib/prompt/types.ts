// The boundary prompt's shared vocabulary: what the prompt page is told and what
// it can answer, and what the background keeps meanwhile. Both travel through
// extension messaging, keyed by a one-time nonce; the host page can neither read
// nor forge them.
import type { PromptAction, PromptMode, Settings } from '../settings/definitions';
import type { ActionKind, PostActionKind, SiteId } from '../sites/types';
import type { Verdict } from '../store/types';

export const PROMPT_CHOICES = [
  'cancel',
  'continue',
  'client',
  'not-client',
  'note',
  'risk',
] as const;
export type PromptChoice = (typeof PROMPT_CHOICES)[number];

/**
 * ask: the question (is this person a client?) with Cancel / Continue / client / not a client.
 * guidance: a marked client (or former client in the look-back window): the guidance, Cancel and,
 *   unless the mode is block-clients, Continue.
 * stopped: the page hid or removed the question, or the frame failed: the action stays blocked.
 * observed: sharing, sending, copying or saving a client's post (or commenting on it): the
 *   reminder to talk with the client first, with Note for follow-up / Risk of harm / Continue / Cancel.
 * crisis: after "Risk of harm": the crisis protocol, an urgent observation recorded; Continue / Cancel.
 */
export type PromptStage = 'ask' | 'guidance' | 'stopped' | 'observed' | 'crisis';

/** What a prompt is about: a boundary action, or a client's post (see `post`). */
export type PromptSubject = ActionKind | 'post';

export interface PromptContext {
  stage: PromptStage;
  action: PromptSubject;
  site: SiteId;
  /** Which prompt-mode setting applies: friend, follow or message. */
  category: PromptAction;
  /** Never 'off': an action whose mode is off is not stopped at all. */
  mode: Exclude<PromptMode, 'off'>;
  /** The first profile key, or null when the page did not show who it is. */
  profileKey: string | null;
  /** The name the page shows, as plain text (render as text only). */
  name: string | null;
  /** 'unidentified' when profileKey is null. */
  verdict: Verdict | 'unidentified';
  /** The client's label when the list is unlocked and one is set. */
  clientLabel: string | null;
  locked: boolean;
  /** A message to a client outside the working hours in settings. */
  afterHours: boolean;
  workHours: Settings['workHours'];
  /** For the observed-post reminder: what the coach is doing with the post, and its address. */
  post: { action: PostActionKind; url: string | null } | null;
  /** "Note for follow-up" was chosen: an observation to discuss now exists. */
  noted: boolean;
  /** For the stopped stage: what happened to the earlier frame (null when not known). */
  trouble?: FrameTrouble | null;
}

/** What can go wrong with a prompt's frame on the page: the page's doing, or a frame that never loaded. */
export type FrameTrouble = 'removed' | 'hidden' | 'covered' | 'not-loaded';

/** What the background keeps about an open prompt, under its nonce (session storage: memory only). */
export interface OpenPrompt {
  tabId: number;
  site: SiteId;
  action: PromptSubject;
  keys: string[];
  name: string | null;
  stopped: boolean;
  /** With stopped: what went wrong with the earlier frame. */
  trouble?: FrameTrouble;
  /** The observed-post reminder: what is done with the post, and its address. */
  post?: { action: PostActionKind; url: string | null };
  /** After "Note for follow-up" / "Risk of harm". */
  noted?: boolean;
  crisis?: boolean;
  createdAt: number;
}

/** Reasons an answer is refused, shown in the prompt as `error_<code>`. */
export const PROMPT_ERRORS = [
  'prompt-expired',
  'reason-required',
  'not-allowed',
  'unidentified',
] as const;
export type PromptErrorCode = (typeof PROMPT_ERRORS)[number];

export const REASON_MAX_LENGTH = 500;
export const OBSERVATION_NOTE_MAX_LENGTH = 1000;
/** The prompt's buttons ignore clicks this long after it appears: a double click cannot answer it. */
export const PROMPT_INERT_MS = 600;
/** After a replay the site may ignore (untrusted), the next real click on the same control goes through. */
export const PASS_THROUGH_MS = 10_000;

/** Which prompt-mode setting (and counter row) governs an action. Posts are counted as messages: passing a post on is a message. */
export function categoryOf(action: PromptSubject): PromptAction {
  if (action === 'add-friend' || action === 'confirm-request') return 'friend';
  if (action === 'follow' || action === 'follow-back') return 'follow';
  return 'message';
}
