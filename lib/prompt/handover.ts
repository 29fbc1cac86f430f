// How a prompt frame learns its prompt. The content script loads the frame
// ahead of time (hidden) so that a click only has to show it: at the click it
// hands the frame the prompt's nonce with window.postMessage, and with it one
// end of a MessageChannel (lib/prompt/port.ts), the only line between the two
// from then on. The host page can post to the frame too, so the frame takes a
// hand-over only with the secret that the content script put in the frame's
// address (the page cannot read an extension frame's address), only from its
// parent, only with its port, and only once. The nonce still proves nothing by
// itself: the background serves a nonce's prompt only to a frame in the tab
// whose content script registered it.
import * as v from 'valibot';

/** A prompt's one-time nonce, as every side checks it. */
export const NONCE = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,64}$/));

const HANDOVER = v.strictObject({
  clearlinePrompt: v.literal(1),
  secret: v.string(),
  nonce: NONCE,
});

/** What the frame is handed: its prompt's nonce, and its end of the port to the content script. */
export interface Handover {
  nonce: string;
  port: MessagePort;
}

/**
 * Content side: gives the frame its prompt's nonce and `port`, only if it still
 * shows a page of `origin` (ours).
 */
export function handOver(
  frame: Window,
  origin: string,
  secret: string,
  nonce: string,
  port: MessagePort,
): void {
  const message: v.InferOutput<typeof HANDOVER> = { clearlinePrompt: 1, secret, nonce };
  // The target origin keeps the nonce and the port from a frame the page navigated elsewhere.
  frame.postMessage(message, origin, [port]);
}

/** Frame side: the nonce and port handed over by the content script that holds `secret`. */
export function awaitHandover(secret: string, self: Window = window): Promise<Handover> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== self.parent || self.parent === self) return;
      const parsed = v.safeParse(HANDOVER, event.data);
      if (!parsed.success || secret.length < 22 || parsed.output.secret !== secret) return;
      const [port, ...more] = event.ports;
      if (!port || more.length > 0) return;
      self.removeEventListener('message', onMessage);
      resolve({ nonce: parsed.output.nonce, port });
    };
    self.addEventListener('message', onMessage);
  });
}
