import '../../components/prompt/prompt.css';
import { mount } from '../../components/shared/mount';
import { sendMessage } from '../../lib/messaging';
import { awaitHandover } from '../../lib/prompt/handover';
import { tellContent, watchSight } from '../../lib/prompt/port';
import { PromptApp, type PromptStart } from './App';

// The frame is loaded ahead of time, hidden: its prompt and its port to the
// content script come with the click (lib/prompt/handover.ts). Its context is
// asked for at once, while it renders.
const handover = awaitHandover(location.hash.slice(1));
// Listening from the hand-over on: the content script says when the frame is seen whole.
const sight = watchSight(handover);
const start: Promise<PromptStart> = handover.then((handed) => {
  const context = sendMessage('getPromptContext', { nonce: handed.nonce });
  context.catch(() => undefined); // the app shows the error; nothing unhandled meanwhile
  return { nonce: handed.nonce, context, content: tellContent(handed) };
});

mount(<PromptApp start={start} sight={sight} />);
