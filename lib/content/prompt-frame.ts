// The prompt's frame on the host page: our own extension page in an iframe,
// inside a closed shadow root on an element with a random tag name, in the
// browser's top layer. The page can still remove, hide, cover or fade it; this
// module notices and reports it, so the action stays blocked.
//
// A question opens as a manual popover that covers the whole viewport: the top
// layer and a full-page backdrop, without a modal dialog's inertness. Making the
// rest of the page inert (showModal) restyles every element of the page, which on
// a long Facebook feed blocks the main thread for hundreds of milliseconds on
// open and again on close (docs/performance.md). Clicks anywhere land on our host
// (the runtime blocks them), covered actions stay blocked while a prompt is open,
// and focus that leaves the frame for the page is brought back (keepFocus). The
// rare "stopped" notice, shown after tampering, stays a modal dialog.
//
// A reminder the action does not wait for (a client's post) opens as a panel in
// a corner: no backdrop, focus left where it is, the page usable around it.
//
// The page can also cover the question with its own top-layer element, shrink it
// with zoom or push it off screen. So a question must be seen whole on screen,
// at its real size, within FIRST_SEEN_MS of showing, and stay so; anything else
// counts as covered and the action stays blocked. The frame is told whether it
// is seen whole (lib/prompt/port.ts), and keeps its buttons disabled until it
// has been, for 600 ms: questions and reminders alike.
//
// The frame is as tall as its content says it needs (over the port: the page
// cannot post there), up to the viewport; past that, the prompt's own body
// scrolls and its buttons stay in view. Each new size is the size the question
// must be seen at: the frame counts as not seen until the browser has seen it
// whole at that size, so its buttons wait again, and a box the page made smaller
// than that size still counts as covered.
//
// The next question's frame is loaded ahead of time, hidden (prepareFrame): a
// click then only shows it and hands it its nonce and its port
// (lib/prompt/handover.ts), instead of waiting for the prompt page, and often
// the extension's process, to load.
import { browser } from '../browser';
import { randomToken } from '../crypto';
import { handOver } from '../prompt/handover';
import { listenToFrame, type FrameLine, type PromptOutcome } from '../prompt/port';

import type { FrameTrouble } from '../prompt/types';

export type { FrameTrouble };

/** If the prompt page has not said it is up by then, treat the frame as failed. */
const LOAD_TIMEOUT_MS = 5_000;
/** How often to look at the host while the prompt is open (and only then). */
const CHECK_MS = 200;
/**
 * A question not seen whole on screen by then counts as covered, though it never
 * was seen: after FIRST_SEEN_MS, and FIRST_SEEN_FRAMES rendered frames. The browser
 * decides what is seen once per rendered frame; on a busy computer frames come
 * slowly, and a deadline in time alone would call a question covered that the
 * browser simply had not drawn yet (the coach would be told the page hid it).
 */
const FIRST_SEEN_MS = 1_500;
const FIRST_SEEN_FRAMES = 20;
/** The question's box may be this much smaller than its layout size (rounding, scrollbars), no more. */
const MIN_SCALE = 0.9;
/** Before the prompt page has said how tall it is: about a short question's height. */
const FIRST_HEIGHT = 260;
/** Never shorter than this, whatever the content says: a frame too small to read is no question. */
const MIN_HEIGHT = 140;
/** Of the viewport's height, at most: the page stays visible around the question. */
const MAX_VIEWPORT_SHARE = 0.92;
/** A change smaller than this is rounding, not a new size. */
const SIZE_STEP = 2;

/** question: the action waits for it; reminder: nothing waits (a client's post); modal: the "stopped" notice. */
export type FrameKind = 'question' | 'reminder' | 'modal';

// The host makes no box of its own (display: contents): adding it to a long page
// then lays out nothing of the page, where an inline host cost 25-50 ms on a
// 1,000-post feed.
/** A reminder sits this far from the window's right and bottom edges (on a phone's too). */
const REMINDER_INSET = 16;

const STYLE = `
  :host { all: initial; display: contents; }
  .layer { all: initial; position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; padding: 0;
    border: 0; display: flex; align-items: center; justify-content: center; overflow: hidden;
    background: rgba(0, 0, 0, 0.45); opacity: 1; visibility: visible; }
  .layer:not(:popover-open) { display: none; }
  .layer::backdrop { background: transparent; }
  .layer.reminder { inset: auto ${REMINDER_INSET}px ${REMINDER_INSET}px auto; width: auto; height: auto; background: transparent;
    overflow: visible; }
  .layer.reminder .box { width: min(460px, calc(100vw - ${2 * REMINDER_INSET}px)); }
  .box { all: initial; display: block; width: min(460px, 96vw); height: min(${FIRST_HEIGHT}px, 92vh);
    border-radius: 12px; overflow: hidden; box-shadow: 0 12px 48px rgba(0,0,0,.45); background: Canvas; }
  dialog { all: initial; position: fixed; inset: 0; margin: auto; width: min(460px, 96vw); height: min(${FIRST_HEIGHT}px, 92vh);
    border: 0; padding: 0; border-radius: 12px; box-shadow: 0 12px 48px rgba(0,0,0,.45); background: Canvas;
    opacity: 1; visibility: visible; display: block; }
  dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
  iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
`;

/** A custom element name nobody can predict: lowercase letters only, with its hyphen. */
export function randomTagName(): string {
  const letters = Array.from(randomToken(), (char) =>
    String.fromCharCode(97 + (char.charCodeAt(0) % 26)),
  );
  return `${letters.slice(0, 4).join('')}-${letters.slice(4, 10).join('')}`;
}

/** What a frame reports to whoever showed it. */
export interface FrameListener {
  /** The page removed, hid or covered the frame, or it never came up: it is closed already. */
  onTrouble(trouble: FrameTrouble): void;
  /** The coach's answer, recorded by the background, for the nonce handed over. */
  onAnswer(outcome: PromptOutcome): void;
}

export interface PromptFrame {
  /**
   * Gives the frame its prompt, once the background has registered it: the frame
   * never asks about a nonce the background does not know yet.
   */
  handOver(nonce: string): void;
  /** Whether an event target is this frame's host (what the page sees of clicks on the prompt). */
  isHost(target: EventTarget | null): boolean;
  /** Focus moved to `target` on the page while the prompt is open: bring it back to the prompt. */
  keepFocus(target: EventTarget | null): void;
  close(): void;
}

/** The parts of a prompt frame on the page, shown or not yet. */
interface FrameParts {
  host: HTMLElement;
  /** What sits in the top layer: the popover, or the modal dialog. */
  layer: HTMLElement;
  /** What holds the question. */
  dialog: HTMLElement;
  iframe: HTMLIFrameElement;
  secret: string;
  /** How many documents the iframe has loaded: ours is the first; more means it was navigated. */
  loads: () => number;
}

/**
 * A prompt frame loaded ahead of time, hidden, so that a click only has to show
 * it and hand it its nonce: loading the prompt page (and, after a while idle,
 * starting the extension's process) no longer waits for the click.
 */
export interface PreparedFrame {
  discard(): void;
}

const prepared = new WeakMap<PreparedFrame, FrameParts>();

function buildFrame(kind: FrameKind): FrameParts {
  const modal = kind === 'modal';
  const host = document.createElement(randomTagName());
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const iframe = document.createElement('iframe');
  iframe.title = 'Clearline';
  const secret = randomToken();
  iframe.src = `${browser.runtime.getURL('/prompt.html')}#${secret}`;
  let layer: HTMLElement;
  let dialog: HTMLElement;
  if (modal) {
    layer = dialog = document.createElement('dialog');
    dialog.append(iframe);
  } else {
    layer = document.createElement('div');
    layer.className = 'layer';
    layer.popover = 'manual';
    dialog = document.createElement('div');
    dialog.className = 'box';
    dialog.setAttribute('role', kind === 'reminder' ? 'complementary' : 'dialog');
    if (kind === 'question') dialog.setAttribute('aria-modal', 'true');
    dialog.append(iframe);
    layer.append(dialog);
  }
  dialog.setAttribute('aria-label', 'Clearline');
  root.append(style, layer);
  let loads = 0;
  iframe.addEventListener('load', () => (loads += 1));
  document.documentElement.append(host);
  return { host, layer, dialog, iframe, secret, loads: () => loads };
}

/** Loads a prompt frame, hidden (a popover not shown is not rendered), for the next question. */
export function prepareFrame(): PreparedFrame {
  const parts = buildFrame('question');
  const frame: PreparedFrame = { discard: () => parts.host.remove() };
  prepared.set(frame, parts);
  return frame;
}

/** The prepared frame's parts, if it is still ours to show: on the page, loaded once, not navigated away. */
function takePrepared(frame: PreparedFrame | null | undefined): FrameParts | null {
  const parts = frame ? prepared.get(frame) : undefined;
  if (!frame || !parts) return null;
  prepared.delete(frame);
  if (parts.host.isConnected && parts.loads() <= 1) return parts;
  parts.host.remove();
  return null;
}

/**
 * Shows a prompt frame: `ready` (a prepared frame) when it is still usable, else
 * a frame made now. It learns its prompt by handOver, once it is loaded.
 */
export function openPromptFrame(
  listener: FrameListener,
  options: { kind?: FrameKind; ready?: PreparedFrame | null } = {},
): PromptFrame {
  const kind = options.kind ?? 'question';
  const parts = (kind !== 'modal' && takePrepared(options.ready)) || buildFrame(kind);
  const { host, layer, dialog, iframe } = parts;
  if (kind === 'reminder') {
    layer.classList.add('reminder');
    dialog.setAttribute('role', 'complementary');
    dialog.removeAttribute('aria-modal');
  }
  if (layer instanceof HTMLDialogElement) layer.showModal();
  else layer.showPopover();
  // In a same-origin frame of the page (a plugin, an embedded card), the question can only be
  // seen whole once that frame is: bring it into view (a cross-origin parent gives no element).
  if (window.top !== window) window.frameElement?.scrollIntoView({ block: 'nearest' });
  // A reminder leaves focus where the coach is: nothing waits for it.
  if (kind !== 'reminder') iframe.focus();
  const isOpen = () =>
    layer instanceof HTMLDialogElement ? layer.open : layer.matches(':popover-open');
  // The frame's address is a dynamic one (use_dynamic_url); its document's origin is ours.
  // Posted for that origin only: a frame the page navigated elsewhere gets nothing.
  const origin = new URL(browser.runtime.getURL('/')).origin;
  /** Whether the frame is seen whole now (its buttons wait for that). */
  let sight = false;
  /** The height the frame is given (its content's, within bounds): the size it must be seen at. */
  let height = FIRST_HEIGHT;
  /** Our end of the port, from the hand-over on. */
  let line: FrameLine | null = null;
  const see = (seen: boolean) => {
    if (seen === sight) return;
    sight = seen;
    line?.tellSight(sight);
  };
  /** The prompt's nonce, once handed over; given to the frame as soon as it is loaded. */
  let nonce: string | null = null;
  const handOverNow = () => {
    if (closed || line || nonce === null || parts.loads() !== 1 || !iframe.contentWindow) return;
    const channel = new MessageChannel();
    line = listenToFrame(channel.port1, nonce, {
      shown: () => void (shown = true),
      size: (reported) => resize(reported),
      answered: (outcome) => {
        if (!closed) listener.onAnswer(outcome);
      },
    });
    handOver(iframe.contentWindow, origin, parts.secret, nonce, channel.port2);
    if (sight) line.tellSight(sight);
  };

  let closed = false;
  let shown = false;
  let seenVisible = false;
  /** The browser said the frame is not seen whole before it ever was (covered from the start?). */
  let reportedHidden = false;
  const shownAt = Date.now();
  let framesSinceShown = 0;
  let frameCounter = 0;
  const countFrame = () => {
    framesSinceShown += 1;
    frameCounter = framesSinceShown < FIRST_SEEN_FRAMES ? requestAnimationFrame(countFrame) : 0;
    if (frameCounter === 0) neverSeenIsCovered();
  };
  frameCounter = requestAnimationFrame(countFrame);
  /** Reported hidden and never seen whole, for long enough in time and in frames: covered. */
  const neverSeenIsCovered = () => {
    if (
      reportedHidden &&
      !seenVisible &&
      Date.now() - shownAt >= FIRST_SEEN_MS &&
      framesSinceShown >= FIRST_SEEN_FRAMES
    )
      trouble('covered');
  };
  const timers: ReturnType<typeof setTimeout>[] = [];
  const trouble = (kind: FrameTrouble) => {
    if (closed) return;
    frame.close();
    listener.onTrouble(kind);
  };

  // Escape on the host page's side of the dialog: a cancel, not a click-through.
  layer.addEventListener('cancel', (event) => event.preventDefault());

  // Removed, or hidden with styles the page controls (the host element itself is the page's to touch).
  const check = () => {
    if (!host.isConnected || !isOpen()) return trouble('removed');
    // inert on the host or the page root makes the question unanswerable.
    if (host.inert || document.documentElement.inert || document.body?.inert)
      return trouble('hidden');
    const visible =
      typeof host.checkVisibility === 'function'
        ? dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        : getComputedStyle(dialog).visibility !== 'hidden';
    const layerStyle = getComputedStyle(layer);
    const hostStyle = getComputedStyle(host);
    if (
      !visible ||
      hostStyle.display === 'none' ||
      Number(hostStyle.opacity) < 1 ||
      Number(layerStyle.opacity) < 1 ||
      layerStyle.display === 'none' ||
      Number(getComputedStyle(dialog).opacity) < 1
    ) {
      return trouble('hidden');
    }
    if (!wholeOnScreen()) trouble('covered');
  };
  // Zoom, transforms or an off-screen position make the question too small or
  // partly out of sight: its real box must be the size it was given
  // (min(460px, 96vw) by min(height, 92vh)), inside the viewport.
  const wholeOnScreen = () => {
    const box = iframe.getBoundingClientRect();
    const expectedWidth =
      kind === 'reminder'
        ? Math.min(460, window.innerWidth - 2 * REMINDER_INSET)
        : Math.min(460, 0.96 * window.innerWidth);
    const expectedHeight = Math.min(height, MAX_VIEWPORT_SHARE * window.innerHeight);
    const zoom = (iframe as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    return (
      zoom >= MIN_SCALE &&
      box.width >= expectedWidth * MIN_SCALE &&
      box.height >= expectedHeight * MIN_SCALE &&
      box.left >= -1 &&
      box.top >= -1 &&
      box.right <= window.innerWidth + 1 &&
      box.bottom <= window.innerHeight + 1
    );
  };
  const interval = setInterval(check, CHECK_MS);
  // Mutations come in bursts on a busy page: look once per animation frame at most.
  let checkQueued = 0;
  const checkSoon = () => {
    if (checkQueued === 0) checkQueued = requestAnimationFrame(() => ((checkQueued = 0), check()));
  };
  const observer = new MutationObserver(checkSoon);
  observer.observe(document.documentElement, { childList: true, attributes: true });
  observer.observe(host, { attributes: true });

  // Covered or faded by something on top, where the browser can tell (Chromium's
  // IntersectionObserver v2). Elsewhere this check is skipped, never a blanket block.
  let visibilityObserver: IntersectionObserver | null = null;
  try {
    visibilityObserver = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const isVisible = (entry as IntersectionObserverEntry & { isVisible?: boolean })
            .isVisible;
          // This browser cannot tell: the frame is not held back (as where IOv2 is missing).
          if (isVisible === undefined) return see(true);
          if (isVisible) {
            seenVisible = true;
            check(); // seen whole, and at its real size on screen
            if (!closed) see(true);
            continue;
          }
          see(false);
          if (seenVisible) trouble('covered');
          else {
            // Never seen whole yet: covered once that has lasted FIRST_SEEN_MS. A busy
            // browser that has not reported at all is not blamed (the prompt page keeps
            // its buttons inert until it sees itself whole, so nothing can be clicked through).
            reportedHidden = true;
            neverSeenIsCovered();
          }
        }
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    visibilityObserver.observe(iframe);
  } catch {
    visibilityObserver = null;
    see(true);
  }

  /**
   * The prompt page says how tall its content is: the frame takes that height
   * (within bounds), and is not seen until the browser has looked at it again,
   * at that size: observing anew makes it report afresh.
   */
  const resize = (reported: number) => {
    const next = Math.max(MIN_HEIGHT, Math.ceil(reported));
    if (closed) return;
    // No new size: the sight as it stands answers for this report.
    if (Math.abs(next - height) < SIZE_STEP) return line?.tellSight(sight);
    height = next;
    dialog.style.height = `min(${height}px, ${MAX_VIEWPORT_SHARE * 100}vh)`;
    if (!visibilityObserver) return (check(), line?.tellSight(sight));
    see(false);
    visibilityObserver.unobserve(iframe);
    visibilityObserver.observe(iframe);
    check();
  };

  timers.push(
    setTimeout(() => {
      if (!shown) trouble('not-loaded');
    }, LOAD_TIMEOUT_MS),
    // Never seen whole counts as covered: a page that covers the question before its
    // first frame (from its blur listener, say) must not go unnoticed.
    setTimeout(neverSeenIsCovered, FIRST_SEEN_MS),
  );
  // Our page loads once; a second load means something navigated the frame away.
  iframe.addEventListener('load', () => {
    if (parts.loads() === 1) handOverNow();
    else trouble('removed');
  });

  const frame: PromptFrame = {
    handOver(handed) {
      nonce ??= handed;
      handOverNow();
    },
    isHost(target) {
      return target === host;
    },
    keepFocus(target) {
      if (!closed && kind !== 'reminder' && target !== host) iframe.focus();
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(interval);
      cancelAnimationFrame(checkQueued);
      cancelAnimationFrame(frameCounter);
      timers.forEach(clearTimeout);
      observer.disconnect();
      visibilityObserver?.disconnect();
      line?.close();
      if (layer instanceof HTMLDialogElement) {
        if (layer.open) layer.close();
      } else if (isOpen()) layer.hidePopover();
      host.remove();
    },
  };
  return frame;
}
