// How a prompt frame learns its prompt. The content script loads the frame
// ahead of time (hidden) so that a click only has to show it: at the click it
// hands the frame the prompt's nonce with window.postMessage. The host page can
// post to the frame too, so the frame takes a nonce only with the secret that
// the content script put in the frame's address (the page cannot read an
// extension frame's address), only from its parent, and only once. The nonce
// still proves nothing by itself: the background serves a nonce's prompt only
// to a frame in the tab whose content script registered it.
//
// The same channel tells the frame whether it is seen whole on the coach's
// screen (tellSight, watchSight). Only the host page's side can tell reliably:
// Chromium's IntersectionObserver v2 inside an extension frame that does not
// have focus (a reminder never takes it; a question can lose it) reports it
// hidden, or reports late, while it is plainly on screen.
import * as v from 'valibot';

const HANDOVER = v.strictObject({
  clearlinePrompt: v.literal(1),
  secret: v.string(),
  nonce: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/)),
});

const SIGHT = v.strictObject({
  clearlinePrompt: v.literal(1),
  secret: v.string(),
  seen: v.boolean(),
});

/** A random token for addresses and nonces: 128 bits, URL-safe. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Content side: gives the frame its prompt's nonce, only if it still shows a page of `origin` (ours). */
export function handOver(frame: Window, origin: string, secret: string, nonce: string): void {
  const message: v.InferOutput<typeof HANDOVER> = { clearlinePrompt: 1, secret, nonce };
  // The target origin keeps the nonce from a frame the page navigated elsewhere.
  frame.postMessage(message, origin);
}

/** Content side: tells the frame whether it is seen whole now (see watchSight). */
export function tellSight(frame: Window, origin: string, secret: string, seen: boolean): void {
  const message: v.InferOutput<typeof SIGHT> = { clearlinePrompt: 1, secret, seen };
  frame.postMessage(message, origin);
}

/** Whether the frame is seen whole, as the content script last said: false until it says so. */
export interface Sight {
  seen(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (seen: boolean) => void): () => void;
}

/** Frame side: what the content script that holds `secret` says of the frame's sight. */
export function watchSight(secret: string, self: Window = window): Sight {
  let seen = false;
  const listeners = new Set<(seen: boolean) => void>();
  self.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== self.parent || self.parent === self) return;
    const parsed = v.safeParse(SIGHT, event.data);
    if (!parsed.success || secret.length < 22 || parsed.output.secret !== secret) return;
    if (parsed.output.seen === seen) return;
    seen = parsed.output.seen;
    listeners.forEach((listener) => listener(seen));
  });
  return {
    seen: () => seen,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Frame side: the nonce handed over by the content script that holds `secret`. */
export function awaitHandover(secret: string, self: Window = window): Promise<string> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== self.parent || self.parent === self) return;
      const parsed = v.safeParse(HANDOVER, event.data);
      if (!parsed.success || secret.length < 22 || parsed.output.secret !== secret) return;
      self.removeEventListener('message', onMessage);
      resolve(parsed.output.nonce);
    };
    self.addEventListener('message', onMessage);
  });
}
