// What main.tsx gives the prompt page once the content script has handed over
// the nonce: the nonce, the context asked for at once (a mocked background),
// and the content script's end of the port, which records what it is told.
import type { PromptStart } from '../../../entrypoints/prompt/App';
import { sendMessage } from '../../../lib/messaging';
import type { PromptOutcome } from '../../../lib/prompt/port';

/** What the content script has been told over the port, oldest first. */
export const toldContent: ('shown' | PromptOutcome)[] = [];

export function handedOver(nonce: string): Promise<PromptStart> {
  toldContent.length = 0;
  return Promise.resolve().then(() => {
    const context = sendMessage('getPromptContext', { nonce });
    context.catch(() => undefined);
    return {
      nonce,
      context,
      content: {
        shown: () => void toldContent.push('shown'),
        answered: (outcome) => void toldContent.push(outcome),
      },
    };
  });
}
