// What main.tsx gives the prompt page once the content script has handed over
// the nonce: the nonce and the context asked for at once (a mocked background).
import type { PromptStart } from '../../../entrypoints/prompt/App';
import { sendMessage } from '../../../lib/messaging';

export function handedOver(nonce: string): Promise<PromptStart> {
  return Promise.resolve().then(() => {
    const context = sendMessage('getPromptContext', { nonce });
    context.catch(() => undefined);
    return { nonce, context };
  });
}
