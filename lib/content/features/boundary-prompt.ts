// The boundary prompt, content side. Before Add friend, Confirm, Follow, Follow
// back or Message, a trusted press (pointer, mouse, touch, Enter or Space, middle
// click) is held in the capture phase on window, before any page listener, and
// the prompt frame asks. The whole press is held, not only its click: a site may
// act on pointerdown or mouseup. The decision to hold is synchronous: verdicts
// are fetched ahead of time (profile load, hover, focus) and cached for the page.
// Nothing runs per DOM mutation.
//
// The page must not learn who is a client (docs/data-protection.md, "What a page
// can observe"): a held press looks the same whoever it is about.
import { PASS_THROUGH_MS } from '../../prompt/types';
import { shouldAsk } from '../../prompt/should-ask';
import type { ActionKind, ActionMatch, ActionProfile } from '../../sites/types';
import { onAddressChange } from '../address';
import { replayAndWatch } from '../replay-watch';
import { block, eventElement } from '../events';
import type { ContentFeature } from '../feature';

/** The events of one press, held back from the page with the press's click. */
const PRESS_START = ['pointerdown', 'mousedown', 'touchstart'] as const;
const PRESS_REST = ['pointerup', 'mouseup', 'touchend', 'pointercancel', 'touchcancel'] as const;

/** Keys in a stable order, to tell whether two profiles are the same person. */
const personOf = (profile: ActionProfile) => [...profile.keys].sort().join(' ');

function isTextEntry(el: Element): boolean {
  return (
    el.matches('input:not([type=submit]):not([type=button]), textarea, select') ||
    (el as HTMLElement).isContentEditable === true
  );
}

/**
 * Keeps one event of a held press from the page. Not preventDefault on touch: the
 * browser would then make no click, and the question is asked at the click.
 */
function holdBack(event: Event): void {
  if (event.type.startsWith('touch')) event.stopImmediatePropagation();
  else block(event);
}

/** A press and click as the site would see them from a person, dispatched on the control. */
function replayPress(control: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
  const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  control.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, buttons: 1 }));
  control.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
  control.dispatchEvent(new PointerEvent('pointerup', pointer));
  control.dispatchEvent(new MouseEvent('mouseup', init));
  control.click();
}

export const boundaryPrompt: ContentFeature = {
  name: 'boundary prompt',
  inFrames: true,
  init({ adapter, scope, settings, verdicts, prompts }, signal) {
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
    const listen = (type: string, listener: (event: never) => void, options = {}) =>
      window.addEventListener(type, listener as EventListener, {
        capture: true,
        ...options,
        signal,
      });

    // On a profile page, learn about its person before the click comes.
    const learnPageProfile = () => {
      const url = new URL(location.href);
      const key = adapter.profileKeyFromUrl(url);
      if (key && adapter.pageKind(url) === 'profile') verdicts.learn([key]);
    };
    learnPageProfile();
    onAddressChange(scope, learnPageProfile);

    // Hover and focus: learn about the person before the click comes.
    const learnAheadOfClick = (event: Event) => {
      const target = eventElement(event);
      // While a question is open, focus belongs to it (the page is not inert under it).
      if (prompts.question && event.type === 'focusin')
        return prompts.question.keepFocus(event.target);
      if (prompts.question || !target) return;
      const match = adapter.isMessageComposer(target)
        ? { kind: 'send-message' as const, control: target }
        : adapter.actionAt(target);
      if (match) verdicts.learn(adapter.profileFor(match, new URL(location.href)).keys);
    };
    listen('pointerover', learnAheadOfClick, { passive: true });
    listen('focusin', learnAheadOfClick, { passive: true });

    /** Lets the action through: replayed now, and the coach's next real press goes through once. */
    const letThrough = (match: ActionMatch, profile: ActionProfile, replayable: boolean) => {
      const control = match.control;
      pass = { control, person: personOf(profile), until: Date.now() + PASS_THROUGH_MS };
      if (replayable && control.isConnected)
        replayAndWatch(control, () => replayPress(control as HTMLElement), signal);
    };

    const passing = (match: ActionMatch, profile: ActionProfile) =>
      pass !== null &&
      pass.control === match.control &&
      pass.until > Date.now() &&
      pass.person === personOf(profile);

    /** Whether this activation of `match` is the one the last Continue let through (spending it). */
    const spendPass = (match: ActionMatch, profile: ActionProfile) => {
      if (!pass || pass.control !== match.control) return false;
      const granted = passing(match, profile);
      pass = null;
      return granted;
    };

    /** Whether this person's action must wait for the question. */
    const holds = (match: ActionMatch, profile: ActionProfile) =>
      shouldAsk(settings(), match.kind, verdicts.of(profile.keys));

    /** An activation (click, middle click, Enter or Space) of a covered action. */
    const intercept = (event: Event, replayable: boolean, match: ActionMatch) => {
      // While a question is open, no covered action goes through: a double click cannot click past it.
      if (prompts.question) return block(event);
      const profile = adapter.profileFor(match, new URL(location.href));
      if (spendPass(match, profile)) return;
      if (!holds(match, profile)) return;
      block(event);
      const verdict = verdicts.of(profile.keys);
      // The background skips the question only for someone known not to be a client
      // (or, for "known clients only", not known to be one): show the frame at once
      // unless that could be the answer. Rarely (a "not a client" answer this page has
      // not learned yet), the frame then closes again at once and the action goes on.
      const showAtOnce = verdict === 'client' || settings().promptScope !== 'clients-only';
      const about = {
        site: adapter.id,
        action: match.kind as ActionKind,
        keys: profile.keys,
        name: profile.name,
      };
      prompts.ask(about, showAtOnce, (end) => {
        if (end === 'continued') verdicts.forget(profile.keys); // the answer may have changed it
        if (end === 'continued' || end === 'not-asked') letThrough(match, profile, replayable);
      });
    };

    // A press on a covered control: held whole (down, up, touch) when its question will be asked.
    const onPressStart = (event: Event) => {
      if (!event.isTrusted) return;
      // The same press's mousedown and touchstart: decided at its pointerdown, not again.
      if (event.type !== 'pointerdown' && press) {
        if (press.held) holdBack(event);
        return;
      }
      press = { held: false };
      const target = eventElement(event);
      if (!target) return;
      if (prompts.question?.isHost(target)) return holdBack(event);
      const match = adapter.actionAt(target);
      if (!match) return;
      if (prompts.question) return holdBack(event);
      const profile = adapter.profileFor(match, new URL(location.href));
      press = { held: !passing(match, profile) && holds(match, profile) };
      if (press.held) holdBack(event);
    };
    const onPressRest = (event: Event) => {
      if (event.isTrusted && press?.held) holdBack(event);
    };
    for (const type of PRESS_START) listen(type, onPressStart);
    for (const type of PRESS_REST) listen(type, onPressRest);

    const onActivate = (event: MouseEvent) => {
      if (!event.isTrusted) return;
      const target = eventElement(event);
      const held = press?.held ? press : null;
      press = null;
      if (!target) return;
      // A click on the prompt or its backdrop is ours: the page need not know of it.
      if (prompts.question?.isHost(target)) return block(event);
      // A middle click on a covered control (a new tab, or the site's own handler).
      const middle = event.type === 'auxclick';
      if (middle && event.button !== 1) return;
      const match = adapter.actionAt(target);
      if (match) return intercept(event, !middle, match);
      // The press was held for a control this click is not on (it moved): nothing happened.
      if (held) block(event);
    };
    listen('click', onActivate);
    listen('auxclick', onActivate);

    /** Enter or Space on a covered control, or on something focusable inside it. */
    let heldKey: { key: string; control: Element } | null = null;
    listen('keydown', (event: KeyboardEvent) => {
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
    });
    // A button acts on Space when it is released: hold the release of a held key too.
    for (const type of ['keyup', 'keypress'] as const)
      listen(type, (event: KeyboardEvent) => {
        if (!event.isTrusted || !heldKey || event.key !== heldKey.key) return;
        if (type === 'keyup') heldKey = null;
        block(event);
      });
  },
};
