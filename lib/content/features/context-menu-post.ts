// "Note this post for follow-up" in the context menu: the background asks which
// post was under the coach's last right-click (its author and address).
import { eventElement } from '../events';
import type { ContentFeature } from '../feature';

export const contextMenuPost: ContentFeature = {
  name: 'context-menu post',
  inFrames: true,
  init({ adapter, readPost, tabs }, signal) {
    let rightClicked: Element | null = null;
    window.addEventListener(
      'contextmenu',
      (event: MouseEvent) => {
        const target = eventElement(event);
        if (event.isTrusted && target) rightClicked = target;
      },
      { capture: true, passive: true, signal },
    );
    const stop = tabs.on('describeContextPost', () => {
      const post = rightClicked ? adapter.postAt(rightClicked) : null;
      const info = post ? readPost(post) : null;
      return { keys: info?.authorKeys ?? [], postUrl: info?.postUrl ?? null };
    });
    signal.addEventListener('abort', stop);
  },
};
