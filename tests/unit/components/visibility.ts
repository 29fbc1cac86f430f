// A stand-in for what the content script tells the prompt page of its sight
// (lib/prompt/port.ts): the frame is "seen whole" unless a test says the
// page covers it.
import type { Sight } from '../../../lib/prompt/port';

let seenWhole = true;
const listeners = new Set<(seen: boolean) => void>();

/** The sight the prompt page is given in component tests. */
export const testSight: Sight = {
  seen: () => seenWhole,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  // The frame's size on the page is the content script's: nothing to size here.
  reportSize: () => undefined,
};

/** Every frame is seen whole at first. */
export function installVisibility(): void {
  seenWhole = true;
  listeners.clear();
}

/** The host page covers (false) or uncovers (true) the prompt's frame. */
export function setSeenWhole(value: boolean): void {
  seenWhole = value;
  listeners.forEach((listener) => listener(value));
}
