// The boundary prompt, content side. Before Add friend, Confirm, Follow, Follow
// back or Message, a trusted click (or Enter/Space) is stopped in the capture
// phase on window, before any page listener, and the prompt frame asks. The
// decision to stop is synchronous: verdicts are fetched ahead of time (profile
// load, hover, focus) and cached for the page. Nothing runs per DOM mutation.
import type { ContentScope } from './scope';
import * as v from 'valibot';
import { browser, type Runtime } from '../browser';
import { sendMessage, TAB_MESSAGES } from '../messaging';
import { categoryOf, PASS_THROUGH_MS } from '../prompt/types';
import { withinWorkingHours } from '../prompt/working-hours';
import type { Settings } from '../settings';
import type {
  ActionKind,
  ActionMatch,
  ActionProfile,
  PostActionKind,
  PostActionMatch,
  PostInfo,
  SiteAdapter,
} from '../sites/types';
import type { Verdict } from '../store/types';
import {
  openPromptFrame,
  prepareFrame,
  type PreparedFrame,
  type PromptFrame,
} from './prompt-frame';
import { randomToken } from '../prompt/handover';
import { STORAGE_ITEMS } from '../storage-items';
import { onAddressChange } from './address';

interface OpenPrompt {
  nonce: string;
  match: { kind: ActionKind | PostActionKind; control: Element };
  profile: ActionProfile;
  /** The observed-post reminder: what is done with which post. */
  post?: { action: PostActionKind; url: string | null };
  frame: PromptFrame | null;
  /** Enter in a message composer cannot be replayed: the next real Enter goes through instead. */
  replayable: boolean;
}

/** How long to wait for the background before telling the coach the action was stopped. */
const OPEN_TIMEOUT_MS = 5_000;
/** The next question's frame is loaded when the page is idle, within this long. */
const PREPARE_WITHIN_MS = 2_000;
/** The first one not before this long after the page's load: its start comes first. */
const PREPARE_AFTER_LOAD_MS = 1_000;

/** What the cache can tell about a person from all their keys, or undefined when it cannot yet. */
export function cachedVerdict(cache: Map<string, Verdict>, keys: string[]): Verdict | undefined {
  const known = keys.map((k) => cache.get(k));
  if (known.some((v) => v === 'client' || v === 'former-client')) return 'client';
  if (known.some((v) => v === 'not-client')) return 'not-client';
  if (known.length > 0 && known.every((v) => v === 'unknown')) return 'unknown';
  return undefined;
}

/** Whether a trusted event on this action must be stopped for the prompt (decided synchronously). */
export function mustStop(
  settings: Pick<Settings, 'promptMode' | 'promptScope' | 'workHours'>,
  match: ActionMatch,
  verdict: Verdict | undefined,
  now = new Date(),
): boolean {
  if (settings.promptMode[categoryOf(match.kind)] === 'off') return false;
  // Sending in a thread that is already open: only the after-hours reminder, and only for clients.
  if (match.kind === 'send-message')
    return verdict === 'client' && !withinWorkingHours(settings.workHours, now);
  if (verdict === 'not-client') return false;
  if (settings.promptScope === 'clients-only') return verdict !== 'unknown';
  return true;
}

/** `currentSettings`: the runtime's copy, kept fresh by its one settings watch. */
export function startBoundaryPrompt(
  adapter: SiteAdapter,
  ctx: ContentScope,
  currentSettings: () => Settings,
): void {
  const verdicts = new Map<string, Verdict>();
  // Someone was marked, answered or removed (in options, the popup, another tab): ask afresh.
  const onListChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STORAGE_ITEMS.listVersion.key in changes) verdicts.clear();
  };
  browser.storage.onChanged.addListener(onListChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onListChanged));
  const asking = new Set<string>();
  const passThrough = new WeakMap<Element, number>();
  const copyPass = new WeakMap<Element, number>();
  let open: OpenPrompt | null = null;
  // The next question's frame, loaded ahead of time and hidden (prompt-frame.ts):
  // one per page, made when the page is idle, and again after each question.
  let ready: PreparedFrame | null = null;
  const prepareSoon = () => {
    if (ready || !ctx.isValid) return;
    const prepare = () => {
      if (!ready && !open && ctx.isValid) ready = prepareFrame();
    };
    // Called on window (Firefox's content-script global is not the window itself).
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(prepare, { timeout: PREPARE_WITHIN_MS });
    else ctx.setTimeout(prepare, 200);
  };
  const takeReady = () => {
    const frame = ready;
    ready = null;
    return frame;
  };
  ctx.onInvalidated(() => takeReady()?.discard());
  // Making a frame costs the page a few milliseconds: the first one waits until
  // a while after the page's load (docs/performance.md).
  ctx.afterLoad(prepareSoon, PREPARE_AFTER_LOAD_MS);
  /** Where the coach last right-clicked, for the "Note this post for follow-up" menu item. */
  let contextTarget: Element | null = null;

  const prefetch = (keys: string[]) => {
    const missing = keys.filter((k) => !verdicts.has(k) && !asking.has(k));
    if (missing.length === 0) return;
    missing.forEach((k) => asking.add(k));
    sendMessage('getVerdict', { keys: keys.slice(0, 4) })
      .then(({ verdict }) => keys.forEach((k) => verdicts.set(k, verdict)))
      .catch(() => undefined) // no verdict: the click will be stopped and asked about
      .finally(() => missing.forEach((k) => asking.delete(k)));
  };

  // A post's author and address, read once per post (hover, then click): kept while the
  // page address and the post's first link are the same (a recycled node has another).
  const postInfos = new WeakMap<Element, { page: string; first: string | null; info: PostInfo }>();
  const postInfoOf = (post: Element): PostInfo => {
    const page = location.href;
    const first = post.querySelector('a[href]')?.getAttribute('href') ?? null;
    const known = postInfos.get(post);
    if (known && known.page === page && known.first === first) return known.info;
    const info = adapter.postInfo(post, new URL(page));
    postInfos.set(post, { page, first, info });
    return info;
  };

  const pageProfile = () => {
    const key = adapter.profileKeyFromUrl(new URL(location.href));
    if (key && adapter.pageKind(new URL(location.href)) === 'profile') prefetch([key]);
  };
  pageProfile();
  onAddressChange(ctx, pageProfile);

  // Hover and focus: learn about the person before the click comes.
  const warm = (event: Event) => {
    // While a prompt is open, focus belongs to it (the page is not inert under it).
    if (open?.frame && event.type === 'focusin') return open.frame.keepFocus(event.target);
    if (open || !(event.target instanceof Element)) return;
    const match = adapter.isMessageComposer(event.target)
      ? { kind: 'send-message' as const, control: event.target }
      : adapter.actionAt(event.target);
    if (match) return prefetch(adapter.profileFor(match, new URL(location.href)).keys);
    // Reading a post: learn whether its author is a client before any Share or copy.
    const post = adapter.postAt(event.target);
    if (post) prefetch(postInfoOf(post).authorKeys);
  };
  ctx.addEventListener(window, 'pointerover', warm, { capture: true, passive: true });
  ctx.addEventListener(window, 'focusin', warm, { capture: true, passive: true });

  const replay = (prompt: OpenPrompt) => {
    // A copy cannot be redone for the coach: the next copy (within the same time) goes through.
    if (prompt.post?.action === 'copy-text')
      copyPass.set(prompt.match.control, Date.now() + PASS_THROUGH_MS);
    const control = prompt.match.control;
    // A replayed click is untrusted and some sites ignore it: let the coach's next
    // real click on the same control through, for a short while.
    passThrough.set(control, Date.now() + PASS_THROUGH_MS);
    if (prompt.replayable && control.isConnected) (control as HTMLElement).click();
  };

  const endPrompt = () => {
    open?.frame?.close();
    open = null;
    prepareSoon();
  };

  /** The page hid, covered or removed the question, or it never loaded: keep blocking, and say so. */
  const stopped = (prompt: OpenPrompt) => {
    prompt.frame?.close();
    void sendMessage('closePrompt', { nonce: prompt.nonce }).catch(() => undefined);
    open = null;
    const nonce = randomToken();
    const notice: OpenPrompt = { ...prompt, nonce, frame: null };
    open = notice;
    sendMessage('openPrompt', {
      nonce,
      site: adapter.id,
      action: prompt.post ? 'post' : (prompt.match.kind as ActionKind),
      keys: prompt.profile.keys,
      name: prompt.profile.name,
      stopped: true,
      ...(prompt.post ? { post: prompt.post } : {}),
    })
      .then(() => {
        if (open !== notice) return;
        // After tampering, the notice is a modal dialog: the page goes inert under it.
        notice.frame = openPromptFrame(
          nonce,
          () => {
            // Even the notice was tampered with: the action stays blocked; the browser's own dialog says why.
            if (open === notice) open = null;
            prepareSoon();
            window.alert(
              browser.i18n.getMessage('promptTamperedAlert') || 'Clearline stopped this action.',
            );
          },
          { modal: true },
        );
      })
      .catch(() => {
        if (open === notice) open = null;
        prepareSoon();
      });
  };

  const ask = (
    match: OpenPrompt['match'],
    profile: ActionProfile,
    replayable: boolean,
    post: OpenPrompt['post'] | undefined,
    early: boolean,
  ) => {
    const nonce = randomToken();
    const prompt: OpenPrompt = {
      nonce,
      match,
      profile,
      frame: null,
      replayable,
      ...(post ? { post } : {}),
    };
    open = prompt;
    const openFrame = () =>
      openPromptFrame(
        nonce,
        () => {
          if (open === prompt) stopped(prompt);
        },
        { ready: takeReady() },
      );
    // A background that never answers must not leave every action blocked without a word.
    ctx.setTimeout(() => {
      if (open === prompt && !prompt.frame) stopped(prompt);
    }, OPEN_TIMEOUT_MS);
    const registering = sendMessage('openPrompt', {
      nonce,
      site: adapter.id,
      action: post ? 'post' : (match.kind as ActionKind),
      keys: profile.keys,
      name: profile.name,
      stopped: false,
      ...(post ? { post } : {}),
    });
    // When the question is all but certain, the frame loads while the background
    // registers the nonce: the prompt page waits for that registration (made for
    // this tab only) before it learns anything, so the page still chooses nothing.
    if (early) prompt.frame = openFrame();
    registering
      .then(({ show }) => {
        if (open !== prompt) return;
        if (!show) {
          endPrompt();
          return replay(prompt);
        }
        prompt.frame ??= openFrame();
      })
      .catch(() => {
        // The background did not answer: the action stays blocked; say so.
        if (open === prompt) stopped(prompt);
      });
  };

  // The background relays the prompt frame's state and the coach's answer.
  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return; // only the background, never a page
    const { clearline, name, payload } = (message ?? {}) as Record<string, unknown>;
    if (clearline !== 1 || typeof name !== 'string' || !Object.hasOwn(TAB_MESSAGES, name)) return;
    const parsed = v.safeParse(TAB_MESSAGES[name as keyof typeof TAB_MESSAGES], payload);
    if (!parsed.success) return;
    if (name === 'describeContextPost') {
      const post = contextTarget ? adapter.postAt(contextTarget) : null;
      const info = post ? postInfoOf(post) : null;
      return Promise.resolve({ keys: info?.authorKeys ?? [], postUrl: info?.postUrl ?? null });
    }
    if (!open || !('nonce' in parsed.output) || parsed.output.nonce !== open.nonce) return;
    if (name === 'promptShown') return void open.frame?.markShown();
    const prompt = open;
    const outcome = (parsed.output as { outcome: 'replay' | 'cancel' }).outcome;
    endPrompt();
    if (outcome === 'replay') {
      for (const key of prompt.profile.keys) verdicts.delete(key); // the answer may have changed it
      replay(prompt);
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    // The extension was updated or reloaded: no frame may be left behind, unanswerable.
    endPrompt();
  });

  const block = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const intercept = (event: Event, replayable: boolean, match: ActionMatch | null) => {
    if (!match) return;
    // While a prompt is open, no covered action goes through: a double click cannot click past it.
    if (open) return block(event);
    const until = passThrough.get(match.control);
    if (until !== undefined) {
      passThrough.delete(match.control);
      if (until > Date.now()) return;
    }
    const profile = adapter.profileFor(match, new URL(location.href));
    const verdict = profile.keys.length > 0 ? cachedVerdict(verdicts, profile.keys) : undefined;
    const settings = currentSettings();
    if (!mustStop(settings, match, verdict)) return;
    block(event);
    // The background skips the question only for someone known not to be a client
    // (or, for "known clients only", not known to be one): open the frame at once
    // unless that could be the answer. Rarely (a "not a client" answer this page has
    // not learned yet), the frame then closes again at once and the action goes on.
    const early =
      verdict === 'client' ||
      (settings.promptScope !== 'clients-only' && match.kind !== 'send-message');
    ask(match, profile, replayable, undefined, early);
  };

  /**
   * The observed-post reminder: Share, Send, Copy link, Save, copying text, or
   * commenting (reacting, if the coach asked) on a marked client's post. Only a
   * cached verdict decides: a post whose author is not known to be a client is
   * left alone (the verdict is fetched while the pointer rests on the post).
   */
  const interceptPost = (event: Event, match: PostActionMatch | null, replayable = true) => {
    if (!match?.post) return;
    if (open) return block(event);
    if (match.kind === 'react' && !currentSettings().remindOnReact) return;
    const until = passThrough.get(match.control);
    if (until !== undefined) {
      passThrough.delete(match.control);
      if (until > Date.now()) return;
    }
    const info = postInfoOf(match.post);
    if (info.authorKeys.length === 0 || cachedVerdict(verdicts, info.authorKeys) !== 'client')
      return;
    block(event);
    ask(
      match,
      { keys: info.authorKeys, name: info.authorName },
      replayable,
      { action: match.kind, url: info.postUrl },
      true, // asked only on a cached "client" verdict
    );
  };

  ctx.addEventListener(
    window,
    'click',
    (event: MouseEvent) => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      // A click on the prompt or its backdrop is ours: the page need not know of it.
      if (open?.frame?.isHost(event.target)) return block(event);
      const match = adapter.actionAt(event.target);
      if (match) return intercept(event, true, match);
      interceptPost(event, adapter.postActionAt(event.target));
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'copy',
    (event: ClipboardEvent) => {
      if (!event.isTrusted) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.anchorNode) return;
      const post = adapter.postAt(selection.anchorNode);
      if (!post) return;
      const until = copyPass.get(post);
      if (until !== undefined) {
        copyPass.delete(post);
        if (until > Date.now()) return;
      }
      interceptPost(event, { kind: 'copy-text', control: post, post }, false);
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'contextmenu',
    (event: MouseEvent) => {
      if (event.isTrusted && event.target instanceof Element) contextTarget = event.target;
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    window,
    'keydown',
    (event: KeyboardEvent) => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      if (event.key === 'Enter' && !event.shiftKey && adapter.isMessageComposer(event.target)) {
        // Sending a message from the composer: the Enter key itself is the action.
        return intercept(event, false, { kind: 'send-message', control: event.target });
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const match = adapter.actionAt(event.target);
      // Only a focused control itself: Enter inside a text field near a button is not a click on it.
      if (match && match.control === event.target) intercept(event, true, match);
    },
    { capture: true },
  );
}
