// After Continue (or "Not a client: go ahead") the content script replays the
// press on the site's own control. A site may ignore a press it did not get
// from a person; then the coach's next real click on that control goes through
// once (PASS_THROUGH_MS). Saying so every time reads as if Clearline were
// unreliable, so it is said only when the replay is known to have done
// nothing: no change on the page and no new address within a short wait.
import { browser } from '../browser';
import { PASS_THROUGH_MS } from '../prompt/types';
import { randomTagName } from './prompt-frame';

/** How long the site has to show that it acted on the replay. */
export const REPLAY_WATCH_MS = 1_500;

const FALLBACK =
  'If nothing happened, click the button again within 10 seconds: Clearline will let it through.';

// Calm: the page's own font size, muted colours, no alarm; it points at the control.
const STYLE = `
  :host { all: initial; display: contents; }
  .note { all: initial; position: fixed; margin: 0; box-sizing: border-box; max-width: min(320px, 90vw);
    padding: 8px 12px; border-radius: 8px; border: 1px solid #c3c4c7; background: #ffffff; color: #1d2327;
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); }
  .note:not(:popover-open) { display: none; }
  @media (prefers-color-scheme: dark) {
    .note { background: #24282c; color: #eceff1; border-color: #4b5157; }
  }
`;

/** What counts as the site acting on the press: anything but our own frames coming and going. */
function isPageChange(record: MutationRecord): boolean {
  // Clearline's hosts are the only children added to or removed from the root element.
  return !(record.type === 'childList' && record.target === document.documentElement);
}

/**
 * Runs `replay` while watching the page; if within REPLAY_WATCH_MS nothing on
 * the page changed and the address stayed the same, shows a small notice by
 * `control` with the "click again" hint, for the rest of the pass.
 */
export function replayAndWatch(control: Element, replay: () => void, signal: AbortSignal): void {
  let changed = false;
  const address = location.href;
  const observer = new MutationObserver((records) => {
    if (records.some(isPageChange)) {
      changed = true;
      observer.disconnect();
    }
  });
  // Watching starts before the replay: a site's handler changes the page during the click itself.
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const shownAt = Date.now();
  replay();
  const timer = setTimeout(() => {
    observer.takeRecords().forEach((record) => (changed ||= isPageChange(record)));
    observer.disconnect();
    if (changed || location.href !== address || !control.isConnected || signal.aborted) return;
    showHint(control, PASS_THROUGH_MS - (Date.now() - shownAt), signal);
  }, REPLAY_WATCH_MS);
  signal.addEventListener('abort', () => (clearTimeout(timer), observer.disconnect()), {
    once: true,
  });
}

function showHint(control: Element, forMs: number, signal: AbortSignal): void {
  const host = document.createElement(randomTagName());
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const note = document.createElement('p');
  note.className = 'note';
  note.popover = 'manual';
  note.setAttribute('role', 'status');
  note.setAttribute('data-clearline', 'replay-hint');
  note.textContent =
    browser.i18n.getMessage('replayNoEffectHint', [String(PASS_THROUGH_MS / 1000)]) || FALLBACK;
  root.append(style, note);
  document.documentElement.append(host);
  note.showPopover();
  // Beside the control: below it, or above it when there is no room below.
  const box = control.getBoundingClientRect();
  const height = note.getBoundingClientRect().height;
  const below = box.bottom + 8 + height <= window.innerHeight;
  note.style.top = `${Math.max(8, below ? box.bottom + 8 : box.top - 8 - height)}px`;
  note.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - note.offsetWidth - 8))}px`;

  const remove = () => {
    clearTimeout(timer);
    window.removeEventListener('pointerdown', remove, true);
    host.remove();
  };
  // Gone once the pass is over, or at the coach's next press anywhere.
  const timer = setTimeout(remove, Math.max(0, forMs));
  window.addEventListener('pointerdown', remove, true);
  signal.addEventListener('abort', remove, { once: true });
}
