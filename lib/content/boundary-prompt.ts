// The boundary prompt, content side. Before Add friend, Confirm, Follow, Follow
// back or Message, a trusted press (pointer, mouse, touch, Enter or Space, middle
// click) is held in the capture phase on window, before any page listener, and
// the prompt frame asks. The whole press is held, not only its click: a site may
// act on pointerdown or mouseup. The decision to hold is synchronous: verdicts
// are fetched ahead of time (profile load, hover, focus) and cached for the page.
// Nothing runs per DOM mutation.
//
// The page must not learn who is a client (docs/data-protection.md, "What a page
// can observe"): a held press looks the same whoever it is about, and the
// reminder on a client's post never holds anything: the post action goes on as
// on anyone's post, and the reminder shows beside it.
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
  type FrameTrouble,
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
  /** Enter in a message composer, or a middle click, is not replayed: the next real one goes through. */
  replayable: boolean;
}

/** How long to wait for the background before telling the coach the action was stopped. */
const OPEN_TIMEOUT_MS = 5_000;
/** The next question's frame is loaded when the page is idle, within this long. */
const PREPARE_WITHIN_MS = 2_000;
/** The first one not before this long after the page's load: its start comes first. */
const PREPARE_AFTER_LOAD_MS = 1_000;

/** The events of one press, held back from the page with the press's click. */
const PRESS_START = ['pointerdown', 'mousedown', 'touchstart'] as const;
const PRESS_REST = ['pointerup', 'mouseup', 'touchend', 'pointercancel', 'touchcancel'] as const;

/** What the cache can tell about a person from all their keys, or undefined when it cannot yet. */
export function cachedVerdict(cache: Map<string, Verdict>, keys: string[]): Verdict | undefined {
  const known = keys.map((k) => cache.get(k));
  if (known.some((v) => v === 'client' || v === 'former-client')) return 'client';
  if (known.some((v) => v === 'not-client')) return 'not-client';
  if (known.length > 0 && known.every((v) => v === 'unknown')) return 'unknown';
  return undefined;
}

/**
 * Whether a trusted event on this action must be stopped for the prompt (decided synchronously).
 * Whoever the person is, the answer is the same unless the coach said "not a client" (or chose
 * "known clients only"): a stop only for clients would tell the page who they are.
 */
export function mustStop(
  settings: Pick<Settings, 'promptMode' | 'promptScope' | 'workHours'>,
  match: ActionMatch,
  verdict: Verdict | undefined,
  now = new Date(),
): boolean {
  if (settings.promptMode[categoryOf(match.kind)] === 'off') return false;
  if (verdict === 'not-client') return false;
  // Sending in a thread that is already open: only the after-hours reminder, in every thread.
  if (match.kind === 'send-message' && withinWorkingHours(settings.workHours, now)) return false;
  if (settings.promptScope === 'clients-only') return verdict !== 'unknown';
  return true;
}

/** The element an event is really aimed at: inside an open shadow root, not its host. */
export function eventElement(event: Event): Element | null {
  for (const node of event.composedPath()) if (node instanceof Element) return node;
  return event.target instanceof Element ? event.target : null;
}

/** Keys in a stable order, to tell whether two profiles are the same person. */
const personOf = (profile: ActionProfile) => [...profile.keys].sort().join(' ');

function isTextEntry(el: Element): boolean {
  return (
    el.matches('input:not([type=submit]):not([type=button]), textarea, select') ||
    (el as HTMLElement).isContentEditable === true
  );
}

/** `currentSettings`: the runtime's copy, kept fresh by its one settings watch. */
export function startBoundaryPrompt(
  adapter: SiteAdapter,
  ctx: ContentScope,
  currentSettings: () => Settings,
): void {
  const topFrame = window === window.top;
  const verdicts = new Map<string, Verdict>();
  // Someone was marked, answered or removed (in options, the popup, another tab): ask afresh.
  const onListChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STORAGE_ITEMS.listVersion.key in changes) verdicts.clear();
  };
  browser.storage.onChanged.addListener(onListChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onListChanged));
  const asking = new Set<string>();
  /**
   * After Continue: the next real activation of the same control for the same person goes
   * through once, in case the site ignored the replay (untrusted). A row the site reused for
   * someone else does not match, and the pass is gone.
   */
  let pass: { control: Element; person: string; until: number } | null = null;
  /**
   * The press under way, from its pointerdown: held back from the page (its question is asked
   * at its click) or not (no covered control, or passing). Its mousedown and touchstart reuse it.
   */
  let press: { held: boolean } | null = null;
  /** A question the action waits for. */
  let open: OpenPrompt | null = null;
  /** A reminder the action did not wait for (a client's post). */
  let reminder: OpenPrompt | null = null;
  // The next question's frame, loaded ahead of time and hidden (prompt-frame.ts):
  // one per page, made when the page is idle, and again after each question.
  let ready: PreparedFrame | null = null;
  const prepareSoon = () => {
    // A same-origin frame inside the page makes its frame when it needs one.
    if (ready || !ctx.isValid || !topFrame) return;
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
      .then(({ verdict, limited }) => {
        // Past the page's budget of new people the answer is "unknown" for now: not kept.
        if (!limited) keys.forEach((k) => verdicts.set(k, verdict));
      })
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
    const target = eventElement(event);
    // While a prompt is open, focus belongs to it (the page is not inert under it).
    if (open?.frame && event.type === 'focusin') return open.frame.keepFocus(event.target);
    if (open || !target) return;
    const match = adapter.isMessageComposer(target)
      ? { kind: 'send-message' as const, control: target }
      : adapter.actionAt(target);
    if (match) return prefetch(adapter.profileFor(match, new URL(location.href)).keys);
    // Reading a post: learn whether its author is a client before any Share or copy.
    const post = adapter.postAt(target);
    if (post) prefetch(postInfoOf(post).authorKeys);
  };
  ctx.addEventListener(window, 'pointerover', warm, { capture: true, passive: true });
  ctx.addEventListener(window, 'focusin', warm, { capture: true, passive: true });

  /** A press and click as the site would see them from a person, dispatched on the control. */
  const replayPress = (control: HTMLElement) => {
    const init = { bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
    const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
    control.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
    control.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
    control.dispatchEvent(new PointerEvent('pointerup', pointer));
    control.dispatchEvent(new MouseEvent('mouseup', init));
    control.click();
  };

  const replay = (prompt: OpenPrompt) => {
    const control = prompt.match.control;
    // A replayed press is untrusted and some sites ignore it: the coach's next real
    // activation of the same control, for the same person, goes through once.
    pass = { control, person: personOf(prompt.profile), until: Date.now() + PASS_THROUGH_MS };
    if (prompt.replayable && control.isConnected) replayPress(control as HTMLElement);
  };

  const endPrompt = () => {
    open?.frame?.close();
    open = null;
    prepareSoon();
  };

  const endReminder = () => {
    reminder?.frame?.close();
    reminder = null;
    prepareSoon();
  };

  /** The page hid, covered or removed the question, or it never loaded: keep blocking, and say so. */
  const stopped = (prompt: OpenPrompt, trouble: FrameTrouble) => {
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
      trouble,
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
          { kind: 'modal' },
        );
      })
      .catch(() => {
        if (open === notice) open = null;
        prepareSoon();
      });
  };

  /** A reminder (nothing waits on it) that the page hid: the browser's own dialog carries it. */
  const reminderLost = (prompt: OpenPrompt, trouble: FrameTrouble) => {
    if (reminder !== prompt) return;
    void sendMessage('closePrompt', { nonce: prompt.nonce }).catch(() => undefined);
    endReminder();
    if (trouble !== 'not-loaded')
      window.alert(
        browser.i18n.getMessage('observedReminderHiddenAlert') ||
          "Clearline's reminder about a client's post was hidden by this page.",
      );
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
    const passive = post !== undefined;
    if (passive) {
      endReminder();
      reminder = prompt;
    } else {
      endReminder(); // a question for a person replaces a post's reminder
      open = prompt;
    }
    const current = () => (passive ? reminder : open) === prompt;
    const onTrouble = (trouble: FrameTrouble) => {
      if (!current()) return;
      if (passive) reminderLost(prompt, trouble);
      else stopped(prompt, trouble);
    };
    const openFrame = () =>
      openPromptFrame(nonce, onTrouble, {
        ready: takeReady(),
        kind: passive ? 'reminder' : 'question',
      });
    // A background that never answers must not leave every action blocked without a word.
    ctx.setTimeout(() => {
      if (current() && !prompt.frame) onTrouble('not-loaded');
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
        if (!current()) return;
        if (!show) {
          if (passive) return endReminder();
          endPrompt();
          return replay(prompt);
        }
        prompt.frame ??= openFrame();
      })
      .catch(() => {
        // The background did not answer: the action stays blocked; say so.
        onTrouble('not-loaded');
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
    if (!('nonce' in parsed.output)) return;
    const { nonce } = parsed.output;
    if (reminder && nonce === reminder.nonce) {
      if (name === 'promptShown') return void reminder.frame?.markShown();
      return void endReminder(); // the post action already went on: nothing to replay
    }
    if (!open || nonce !== open.nonce) return;
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
    endReminder();
  });

  const block = (event: Event) => {
    if (event.cancelable) event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Whether this activation of `match` is the one the last Continue let through (spending it). */
  const passes = (match: ActionMatch, profile: ActionProfile) => {
    const granted = pass;
    if (!granted || granted.control !== match.control) return false;
    pass = null;
    return granted.until > Date.now() && granted.person === personOf(profile);
  };

  /** Whether this person's action must wait for the question (and no pass lets it through). */
  const holds = (match: ActionMatch, profile: ActionProfile) => {
    const verdict = profile.keys.length > 0 ? cachedVerdict(verdicts, profile.keys) : undefined;
    return mustStop(currentSettings(), match, verdict);
  };

  /** An activation (click, middle click, Enter or Space) of a covered action. */
  const intercept = (event: Event, replayable: boolean, match: ActionMatch) => {
    // While a prompt is open, no covered action goes through: a double click cannot click past it.
    if (open) return block(event);
    const profile = adapter.profileFor(match, new URL(location.href));
    if (passes(match, profile)) return;
    if (!holds(match, profile)) return;
    block(event);
    const settings = currentSettings();
    const verdict = profile.keys.length > 0 ? cachedVerdict(verdicts, profile.keys) : undefined;
    // The background skips the question only for someone known not to be a client
    // (or, for "known clients only", not known to be one): open the frame at once
    // unless that could be the answer. Rarely (a "not a client" answer this page has
    // not learned yet), the frame then closes again at once and the action goes on.
    const early = verdict === 'client' || settings.promptScope !== 'clients-only';
    ask(match, profile, replayable, undefined, early);
  };

  /**
   * The observed-post reminder: Share, Send, Copy link, Save, copying text, or
   * commenting (reacting, if the coach asked) on a marked client's post. The post
   * action is never held: it goes on as on anyone's post, and the reminder shows
   * beside it. Only a cached verdict decides (fetched while the pointer rests on the post).
   */
  const remindOnPost = (match: PostActionMatch) => {
    if (!match.post) return;
    if (match.kind === 'react' && !currentSettings().remindOnReact) return;
    const info = postInfoOf(match.post);
    if (info.authorKeys.length === 0 || cachedVerdict(verdicts, info.authorKeys) !== 'client')
      return;
    // After the page has had the event: the reminder changes nothing the page acts on.
    const post = { action: match.kind, url: info.postUrl };
    window.setTimeout(() => {
      if (ctx.isValid && !open)
        ask(match, { keys: info.authorKeys, name: info.authorName }, false, post, true);
    }, 0);
  };

  // A press on a covered control: held whole (down, up, touch) when its question will be asked.
  const onPressStart = (event: Event) => {
    if (!event.isTrusted) return;
    // The same press's mousedown and touchstart: decided at its pointerdown, not again.
    if (event.type !== 'pointerdown' && press) {
      if (press.held) block(event);
      return;
    }
    press = { held: false };
    const target = eventElement(event);
    if (!target) return;
    if (open?.frame?.isHost(target)) return block(event);
    const match = adapter.actionAt(target);
    if (!match) return;
    if (open) return block(event);
    const profile = adapter.profileFor(match, new URL(location.href));
    const passing =
      pass !== null &&
      pass.control === match.control &&
      pass.until > Date.now() &&
      pass.person === personOf(profile);
    press = { held: !passing && holds(match, profile) };
    if (press.held) block(event);
  };
  const onPressRest = (event: Event) => {
    if (!event.isTrusted || !press?.held) return;
    // Not preventDefault on touch: the browser would then make no click, where the question is asked.
    if (event.type.startsWith('touch')) event.stopImmediatePropagation();
    else block(event);
  };
  for (const type of PRESS_START)
    ctx.addEventListener(window, type, onPressStart, { capture: true });
  for (const type of PRESS_REST) ctx.addEventListener(window, type, onPressRest, { capture: true });

  const onActivate = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const target = eventElement(event);
    const held = press?.held ? press : null;
    press = null;
    if (!target) return;
    // A click on the prompt or its backdrop is ours: the page need not know of it.
    if (open?.frame?.isHost(target)) return block(event);
    // A middle click on a covered control (a new tab, or the site's own handler).
    const middle = event.type === 'auxclick';
    if (middle && event.button !== 1) return;
    const match = adapter.actionAt(target);
    if (match) return intercept(event, !middle, match);
    // The press was held for a control this click is not on (it moved): nothing happened.
    if (held) return block(event);
    if (!middle) {
      const postMatch = adapter.postActionAt(target);
      if (postMatch) remindOnPost(postMatch);
    }
  };
  ctx.addEventListener(window, 'click', onActivate, { capture: true });
  ctx.addEventListener(window, 'auxclick', onActivate, { capture: true });

  ctx.addEventListener(
    window,
    'copy',
    (event: ClipboardEvent) => {
      if (!event.isTrusted) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.anchorNode) return;
      const post = adapter.postAt(selection.anchorNode);
      if (post) remindOnPost({ kind: 'copy-text', control: post, post });
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    window,
    'contextmenu',
    (event: MouseEvent) => {
      const target = eventElement(event);
      if (event.isTrusted && target) contextTarget = target;
    },
    { capture: true, passive: true },
  );

  /** Enter or Space on a covered control, or on something focusable inside it. */
  let heldKey: { key: string; control: Element } | null = null;
  ctx.addEventListener(
    window,
    'keydown',
    (event: KeyboardEvent) => {
      const target = eventElement(event);
      if (!event.isTrusted || !target) return;
      // A key press is a press of its own: one held earlier and never clicked is over.
      press = null;
      if (event.key === 'Enter' && !event.shiftKey && adapter.isMessageComposer(target)) {
        // Sending a message from the composer: the Enter key itself is the action.
        const composer = target.closest('[role="textbox"][contenteditable]') ?? target;
        return intercept(event, false, { kind: 'send-message', control: composer });
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      // Enter in a text field near a button is typing, not a press of the button.
      if (isTextEntry(target)) return;
      const match = adapter.actionAt(target);
      if (!match) return;
      intercept(event, true, match);
      if (event.defaultPrevented) heldKey = { key: event.key, control: match.control };
    },
    { capture: true },
  );
  // A button acts on Space when it is released: hold the release of a held key too.
  for (const type of ['keyup', 'keypress'] as const)
    ctx.addEventListener(
      window,
      type,
      (event: KeyboardEvent) => {
        if (!event.isTrusted || !heldKey || event.key !== heldKey.key) return;
        if (type === 'keyup') heldKey = null;
        block(event);
      },
      { capture: true },
    );
}
