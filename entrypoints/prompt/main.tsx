import { mount } from '../../components/shared/mount';
import { sendMessage } from '../../lib/messaging';
import { awaitHandover, watchSight } from '../../lib/prompt/handover';
import { PromptApp, type PromptStart } from './App';

// The frame is loaded ahead of time, hidden: its prompt comes with the click
// (lib/prompt/handover.ts). Its context is asked for at once, while it renders.
const secret = location.hash.slice(1);
// Listening from the first moment: the content script says when the frame is seen whole.
const sight = watchSight(secret);
const start: Promise<PromptStart> = awaitHandover(secret).then((nonce) => {
  const context = sendMessage('getPromptContext', { nonce });
  context.catch(() => undefined); // the app shows the error; nothing unhandled meanwhile
  return { nonce, context };
});

mount(<PromptApp start={start} sight={sight} />);
