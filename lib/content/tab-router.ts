// The content script's side of the messages the background sends to its tab
// (TAB_MESSAGES in lib/messaging.ts). One listener for the whole content script;
// each feature answers the messages that concern it. Only the background is
// heard: a page, another extension or another tab's content script is not.
import * as v from 'valibot';
import type { Runtime } from '../browser';
import {
  TAB_MESSAGES,
  type TabMessageName,
  type TabMessagePayload,
  type TabMessageReply,
} from '../messaging';

/** A message that wants no reply is handled for its effect alone. */
export type TabMessageHandler<N extends TabMessageName> =
  TabMessageReply<N> extends undefined
    ? (payload: TabMessagePayload<N>) => void
    : (payload: TabMessagePayload<N>) => TabMessageReply<N> | Promise<TabMessageReply<N>>;

export interface TabRouter {
  /** Answers `name` with `handler` until the returned function is called. */
  on<N extends TabMessageName>(name: N, handler: TabMessageHandler<N>): () => void;
  /** For runtime.onMessage: undefined (no reply) for anything not ours to answer. */
  listener(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined;
}

export function createTabRouter(extensionId: string): TabRouter {
  const handlers = new Map<TabMessageName, (payload: unknown) => unknown>();
  return {
    on(name, handler) {
      const entry = handler as (payload: unknown) => unknown;
      handlers.set(name, entry);
      return () => {
        if (handlers.get(name) === entry) handlers.delete(name);
      };
    },
    listener(message, sender) {
      // The background has no tab; a content script or an extension page in a tab has one.
      if (sender.id !== extensionId || sender.tab) return undefined;
      const { clearline, name, payload } = (message ?? {}) as Record<string, unknown>;
      if (clearline !== 1 || typeof name !== 'string' || !Object.hasOwn(TAB_MESSAGES, name))
        return undefined;
      const handler = handlers.get(name as TabMessageName);
      if (!handler) return undefined;
      const parsed = v.safeParse(TAB_MESSAGES[name as TabMessageName].payload, payload);
      if (!parsed.success) return undefined;
      return Promise.resolve(handler(parsed.output));
    },
  };
}
