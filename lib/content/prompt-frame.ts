// The prompt's frame on the host page: our own extension page in an iframe,
// inside a closed shadow root on an element with a random tag name, in a modal
// <dialog> (the top layer). The page can still remove, hide, cover or fade it;
// this module notices and reports it, so the action stays blocked.
import { browser } from '../browser';

export type FrameTrouble = 'removed' | 'hidden' | 'covered' | 'not-loaded';

/** If the prompt page has not said it is up by then, treat the frame as failed. */
const LOAD_TIMEOUT_MS = 5_000;
/** How often to look at the host while the prompt is open (and only then). */
const CHECK_MS = 200;

const STYLE = `
  :host { all: initial; }
  dialog { all: initial; position: fixed; inset: 0; margin: auto; width: min(460px, 96vw); height: min(560px, 92vh);
    border: 0; padding: 0; border-radius: 12px; box-shadow: 0 12px 48px rgba(0,0,0,.45); background: Canvas;
    opacity: 1; visibility: visible; display: block; }
  dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
  iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
`;

function randomTag(): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) =>
    String.fromCharCode(97 + (b % 26)),
  );
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
}

export interface PromptFrame {
  /** Called by the runtime when the prompt page says it is up. */
  markShown(): void;
  /** Whether an event target is this frame's host (what the page sees of clicks on the prompt). */
  isHost(target: EventTarget | null): boolean;
  close(): void;
}

export function openPromptFrame(
  nonce: string,
  onTrouble: (trouble: FrameTrouble) => void,
): PromptFrame {
  const host = document.createElement(randomTag());
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', 'Clearline');
  const iframe = document.createElement('iframe');
  iframe.title = 'Clearline';
  iframe.src = `${browser.runtime.getURL('/prompt.html')}#${nonce}`;
  dialog.append(iframe);
  root.append(style, dialog);
  document.documentElement.append(host);
  dialog.showModal();
  iframe.focus();

  let closed = false;
  let shown = false;
  let seenVisible = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const trouble = (kind: FrameTrouble) => {
    if (closed) return;
    frame.close();
    onTrouble(kind);
  };

  // Escape on the host page's side of the dialog: a cancel, not a click-through.
  dialog.addEventListener('cancel', (event) => event.preventDefault());

  // Removed, or hidden with styles the page controls (the host element itself is the page's to touch).
  const check = () => {
    if (!host.isConnected || !dialog.open) return trouble('removed');
    // inert on the host or the page root makes the question unanswerable.
    if (host.inert || document.documentElement.inert || document.body?.inert)
      return trouble('hidden');
    const visible =
      typeof host.checkVisibility === 'function'
        ? dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        : getComputedStyle(dialog).visibility !== 'hidden';
    const hostStyle = getComputedStyle(host);
    if (
      !visible ||
      hostStyle.display === 'none' ||
      Number(hostStyle.opacity) < 1 ||
      Number(getComputedStyle(dialog).opacity) < 1
    ) {
      trouble('hidden');
    }
  };
  const interval = setInterval(check, CHECK_MS);
  const observer = new MutationObserver(check);
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
          if (isVisible === undefined) return;
          if (isVisible) seenVisible = true;
          else if (seenVisible) trouble('covered');
        }
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    visibilityObserver.observe(iframe);
  } catch {
    visibilityObserver = null;
  }

  timers.push(
    setTimeout(() => {
      if (!shown) trouble('not-loaded');
    }, LOAD_TIMEOUT_MS),
  );
  // Our page loads once; a second load means something navigated the frame away.
  let loads = 0;
  iframe.addEventListener('load', () => {
    loads += 1;
    if (loads > 1) trouble('removed');
  });

  const frame: PromptFrame = {
    markShown() {
      shown = true;
    },
    isHost(target) {
      return target === host;
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(interval);
      timers.forEach(clearTimeout);
      observer.disconnect();
      visibilityObserver?.disconnect();
      if (dialog.open) dialog.close();
      host.remove();
    },
  };
  return frame;
}
