// The content script's lifetime, in place of WXT's ContentScriptContext (wired
// in by an alias in wxt.config.ts, so WXT's entry wrapper constructs this one).
//
// WXT's context announces each start with a document event whose name carries
// the extension id, and invalidates itself when it hears that event from
// "another" script. The page hears and can dispatch document events: it learnt
// that Clearline was installed, and one forged event turned every prompt off.
// Here nothing is sent to or heard from the page. The context ends only when the
// extension itself goes away (updated, reloaded, removed), which the browser
// shows by taking `runtime.id` from this script.
import { browser } from '../browser';

/** What the runtime needs of the content script's lifetime. */
export interface ContentLifetime {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
}

export class ContentScriptContext implements ContentLifetime {
  private readonly controller = new AbortController();

  // Same constructor shape as WXT's (its entry wrapper calls it); nothing to announce.
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!this.controller.signal.aborted && !extensionAlive()) this.notifyInvalidated();
    return this.controller.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `callback` once the extension has gone away. Returns a function that removes it. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  notifyInvalidated(): void {
    this.controller.abort('Clearline was updated, reloaded or removed');
  }
}

function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
