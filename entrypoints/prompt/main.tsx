import { mount } from '../../components/mount';
import { sendMessage } from '../../lib/messaging';
import { PromptApp } from './App';

// Asked at once, while the page's language loads and it renders for the first time.
const firstContext = sendMessage('getPromptContext', { nonce: location.hash.slice(1) });
firstContext.catch(() => undefined); // the app shows the error; nothing unhandled meanwhile

mount(<PromptApp firstContext={firstContext} />);
