// The contract every site adapter fulfils. Adapters are pure: they read URLs and
// documents and return answers; they never change a page or keep state.
import type { SiteId, SiteKeyPrefix } from './registry';

export type { SiteId } from './registry';

export const PAGE_KINDS = [
  'home',
  'profile',
  'settings',
  'post',
  'messages',
  'search',
  'friend-requests',
  'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** A normalized profile identity such as `fb:jane.doe`, `fb:id:100012345678901` or `ig:jane_doe`. */
export type ProfileKey = `${SiteKeyPrefix}:${string}`;

/** Whether the profile shown is the coach's own. A URL cannot tell; the page can, or cannot. */
export type ProfileOwner = 'own' | 'other' | 'unknown';

/** The privacy self-audit's part of an adapter: reading the coach's own settings. */
export interface SiteAudit {
  /**
   * Reads every audit item this page shows (a settings page, or the coach's own
   * profile for public posts). Items the page should show but whose label or
   * value is not recognized come back as 'unknown' (could not check), never pass.
   * Returns [] on pages with nothing to audit. Labels and values: en + es tables.
   */
  readAudit(doc: Document, url: URL): import('../audit/types').AuditFinding[];
}

export interface SiteAdapter extends SiteActions, SiteAudit, SitePosts {
  readonly id: SiteId;
  /** True for URLs on this site's hosts (any path). */
  isSiteUrl(url: URL): boolean;
  /**
   * One pure detector per page kind except 'other'. For every URL of the site at
   * most one detector answers true; `pageKind` falls back to 'other'.
   */
  readonly detectors: Readonly<Record<Exclude<PageKind, 'other'>, (url: URL) => boolean>>;
  pageKind(url: URL): PageKind;
  /** The normalized key of the profile a URL points at, or null when it points at no person. */
  profileKeyFromUrl(url: URL): ProfileKey | null;
  /** Reads the page for own-profile controls ("Edit profile") or actions offered to others. */
  profileOwner(doc: Document): ProfileOwner;
  /** The site's known action-bar buttons, for the "not recognized" note; none on a test site. */
  readonly actionBar?: import('./engine/action-bar').BarSite;
}

/** The actions Clearline asks about before they happen. */
export const ACTION_KINDS = [
  'add-friend',
  'confirm-request',
  'follow',
  'follow-back',
  'message',
  'send-message',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** A covered action found at a click or key target. */
export interface ActionMatch {
  kind: ActionKind;
  /** The control the site listens on (role=button, button, a, menuitem): replays go here. */
  control: Element;
}

/** Who an action is about, as far as the page shows. */
export interface ActionProfile {
  /** Every key the card, row, dialog, hover card or page shows for this one person (at most 4). */
  keys: ProfileKey[];
  /** The name shown next to the control, as plain text (may be null), never trusted as markup. */
  name: string | null;
}

/** The site-specific part of the boundary prompt; implemented by each adapter. */
export interface SiteActions {
  /**
   * The covered action a click or Enter/Space on `target` would trigger, or null.
   * Pure and cheap: walks up from target a few levels, reads role, aria-label and
   * visible text (en + es label tables), never class names.
   */
  actionAt(target: Element): ActionMatch | null;
  /**
   * The person the action is about: the nearest profile link in the same card,
   * row, dialog or hover card; on a profile page, the page's own profile; in a
   * message thread, the thread header's profile link.
   */
  profileFor(match: ActionMatch, pageUrl: URL): ActionProfile;
  /** A message composer (contenteditable textbox) in a thread: Enter there sends. */
  isMessageComposer(element: Element): boolean;
}

/** What a coach can do with someone's post that may pass it on, or leave a public trace. */
/** 'copy-text' is the copy event with a selection inside the post; the others are controls. */
export const POST_ACTIONS = [
  'share',
  'send',
  'copy-link',
  'save',
  'copy-text',
  'comment',
  'react',
] as const;
export type PostActionKind = (typeof POST_ACTIONS)[number];

export interface PostActionMatch {
  kind: PostActionKind;
  /** The control the site listens on: replays go here. */
  control: Element;
  /** The post the action is about (for a menu item, the post whose menu is open), or null. */
  post: Element | null;
}

export interface PostInfo {
  /** The author's profile keys (at most 4), from the post header's author link. */
  authorKeys: ProfileKey[];
  authorName: string | null;
  /** The post's permalink when the post shows one (timestamp link), else null. */
  postUrl: string | null;
}

/** The observed-post reminder's part of an adapter. Pure; en + es label tables. */
export interface SitePosts {
  postActionAt(target: Element): PostActionMatch | null;
  /** The post (feed item, article, permalink's main post) containing a node, or null. */
  postAt(node: Node): Element | null;
  postInfo(post: Element, pageUrl: URL): PostInfo;
}

/** The roles a control Clearline did not understand is told by (lib/sites/engine/action-bar.ts). */
export const CONTROL_ROLES = ['button', 'menuitem'] as const;
export type ControlRole = (typeof CONTROL_ROLES)[number];

/** A control Clearline did not understand, with names hidden: button "Enviar un mensaje …". */
export interface UnrecognizedControl {
  role: ControlRole;
  words: string;
}

/** At most this many are told: enough to report, never a list of the page. */
export const MAX_UNRECOGNIZED = 5;
