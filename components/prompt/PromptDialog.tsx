// The boundary prompt's frame within its own page: one modal dialog that keeps
// focus inside the document, answers Escape with a cancel, and ignores every
// button for a moment after each new view, so a double click meant for the host
// page cannot answer a question the coach has not seen yet.
//
// What the prompt says scrolls; its fields and buttons sit below, always in
// view. It tells the content script how tall it is whole, and the frame on the
// page takes that height, up to the viewport (lib/content/prompt-frame.ts).
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sight } from '../../lib/prompt/port';
import { PROMPT_INERT_MS, type PromptChoice } from '../../lib/prompt/types';
import type { Sentence, Ui } from '../shared/pageWords';
import { Button, Notice } from '../shared/buildingBlocks';

/** What the page hands every stage for its dialog. */
export interface FrameProps {
  ui: Ui;
  error: Sentence | null;
  status: Sentence | null;
  inert: boolean;
  /** Changes with each new view (a new context, a revealed field): focus and inertness restart. */
  view: string;
  onEscape: () => void;
  /** How tall the prompt is, whole, in CSS pixels: whenever that changes. */
  onSize?: (height: number) => void;
}

/** What a stage can do. */
export interface PromptControls {
  /** Inert, or an answer is on its way: buttons ignore activation. */
  blocked: boolean;
  /** An answer is on its way. Cancel waits only for this: it is always safe. */
  busy: boolean;
  /** Sends the answer; true when the background took it. A refusal is shown by the page. */
  answer: (
    choice: PromptChoice,
    extra?: { reason?: string; label?: string; note?: string },
  ) => Promise<boolean>;
  /** Shows a problem found before anything was sent. */
  fail: (say: Sentence) => void;
  /** Something new appeared in place: make the buttons inert again. */
  rearm: () => void;
  /** Something went well (added to the list). */
  announce: (say: Sentence) => void;
}

export const TITLE_ID = 'prompt-title';
export const NOTICE_ID = 'prompt-notice';
export const BODY_ID = 'prompt-body';

/**
 * Whether this frame is seen whole on the coach's screen, as the content script
 * says (lib/prompt/port.ts): nothing of the host page covers it, fades it or
 * shrinks it. Where the browser cannot tell, the content script says so at once.
 */
export function useSeenWhole(sight: Sight): boolean {
  const [seen, setSeen] = useState(sight.seen);
  useEffect(() => {
    setSeen(sight.seen());
    return sight.subscribe(setSeen);
  }, [sight]);
  return seen;
}

/**
 * True (buttons ignore presses) until the frame has been seen whole for
 * PROMPT_INERT_MS without a break, counted again after `view` first renders or
 * changes and after every moment the page covered it; true while `view` is null
 * (nothing shown yet). A timer, not an event count: a fast double click and a
 * slow one are treated the same, and a click through a cover the page laid over
 * the question for an instant finds it inert.
 */
export function useInert(view: string | null, seenWhole: boolean): boolean {
  const [inert, setInert] = useState(true);
  useEffect(() => {
    setInert(true);
    if (view === null || !seenWhole) return;
    const timer = setTimeout(() => setInert(false), PROMPT_INERT_MS);
    return () => clearTimeout(timer);
  }, [view, seenWhole]);
  return inert;
}

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Calls `onSize` with the height the dialog needs to show whole: what scrolls,
 * at its full height, and the footer. Measured whenever either changes size.
 */
function useReportSize(
  scroll: RefObject<HTMLElement | null>,
  footer: RefObject<HTMLElement | null>,
  onSize: ((height: number) => void) | undefined,
): void {
  const report = useRef(onSize);
  report.current = onSize;
  useEffect(() => {
    const scrolled = scroll.current;
    const bottom = footer.current;
    if (!scrolled || !bottom || typeof ResizeObserver !== 'function') return;
    let last = -1;
    const measure = () => {
      scrolled.classList.toggle('is-scrolling', scrolled.scrollHeight > scrolled.clientHeight + 1);
      const height = Math.ceil(scrolled.scrollHeight + bottom.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      report.current?.(height);
    };
    const observer = new ResizeObserver(measure);
    // The scrolling part keeps its size once the frame is full: watch what is inside it.
    for (const part of [scrolled, ...scrolled.children, bottom]) observer.observe(part);
    measure();
    return () => observer.disconnect();
  }, [scroll, footer]);
}

export function PromptDialog({
  frame: { ui, error, status, inert, view, onEscape, onSize },
  heading,
  site,
  notice,
  body,
  stage,
  focusRef,
  children,
}: {
  frame: FrameProps;
  heading: ComponentChildren;
  /** The site line above the heading ("Clearline on Facebook"), if known. */
  site?: string;
  /** Shown first and read first (after-hours reminder). */
  notice?: ComponentChildren;
  /** What the dialog is about; the dialog's description. */
  body: ComponentChildren;
  stage: string;
  /** Gets focus whenever the view changes: Cancel or Close, or the field just revealed. */
  focusRef: RefObject<HTMLElement | null>;
  /** The fields and buttons. */
  children: ComponentChildren;
}) {
  const root = useRef<HTMLDivElement>(null);
  const scroll = useRef<HTMLDivElement>(null);
  const footer = useRef<HTMLDivElement>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  useReportSize(scroll, footer, onSize);
  const escape = useRef(onEscape);
  escape.current = onEscape;

  // A reminder about a client's post (observed, crisis) does not take focus until the coach
  // clicks into it: focus leaving the page would tell the page it was a client's post.
  const reminder = stage === 'observed' || stage === 'crisis';
  useEffect(() => {
    if (!reminder || document.hasFocus()) focusRef.current?.focus();
  }, [view]);

  useEffect(() => {
    if (error) alert.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        escape.current();
        return;
      }
      if (event.key !== 'Tab' || !root.current) return;
      // Tab past the last control would leave the frame for the host page: wrap instead.
      const items = [...root.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => !el.hasAttribute('disabled'),
      );
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && root.current.contains(active);
      if (event.shiftKey && (!inside || active === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || active === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      ref={root}
      class="prompt-dialog"
      role={reminder ? 'region' : 'dialog'}
      aria-modal={reminder ? undefined : 'true'}
      aria-labelledby={TITLE_ID}
      aria-describedby={notice ? `${NOTICE_ID} ${BODY_ID}` : BODY_ID}
      data-testid="prompt"
      data-stage={stage}
      data-inert={String(inert)}
    >
      <div class="prompt-scroll" ref={scroll}>
        <div class="prompt-content">
          {notice && (
            <Notice tone="warning" id={NOTICE_ID} extraClass="prompt-notice">
              {notice}
            </Notice>
          )}
          {site && <p class="prompt-site">{site}</p>}
          <h1 id={TITLE_ID}>{heading}</h1>
          <div class="prompt-body" id={BODY_ID}>
            {body}
          </div>
        </div>
      </div>
      <div class="prompt-footer" ref={footer}>
        {children}
        <p role="status" aria-live="polite" class="ok">
          {status ? status(ui) : ''}
        </p>
        {error && (
          <p role="alert" class="error" ref={alert} data-testid="prompt-error">
            {error(ui)}
          </p>
        )}
      </div>
    </div>
  );
}

export type ButtonRole = 'primary' | 'secondary' | 'quiet' | 'danger';

/**
 * A prompt button. While `blocked` (inert, or an answer on its way) it stays
 * focusable, so Cancel can hold the initial focus, but says it is unavailable
 * and ignores activation.
 */
export function PromptButton({
  blocked,
  onPress,
  buttonRef,
  type = 'button',
  name,
  role = 'secondary',
  testId,
  children,
}: {
  blocked: boolean;
  onPress?: () => void;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  type?: 'button' | 'submit';
  name?: string;
  /**
   * primary: the step the stage suggests (one per view). secondary: the other
   * answers. quiet: stepping back (Cancel, Close). danger: "Risk of harm" only.
   */
  role?: ButtonRole;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <Button
      buttonRef={buttonRef}
      type={type}
      name={name}
      variant={role === 'primary' ? 'primary' : 'quiet'}
      extraClass={`button-${role}`}
      data-testid={testId}
      aria-disabled={blocked ? 'true' : undefined}
      onClick={(event) => {
        if (blocked) {
          event.preventDefault();
          return;
        }
        onPress?.();
      }}
    >
      {children}
    </Button>
  );
}
