// The observed-post reminder: Share, Send, Copy link, Save, copying text, or
// commenting (reacting, if the coach asked) on a marked client's post brings a
// reminder to talk with the client first. The post action is never held: it goes
// on as on anyone's post, and the reminder shows beside it, so the page cannot
// tell a client's post from anyone's. Only a cached verdict decides, fetched
// while the pointer rests on the post.
import type { PostActionMatch } from '../../sites/types';
import { eventElement } from '../events';
import type { ContentFeature } from '../feature';

export const observedPostReminder: ContentFeature = {
  name: 'observed-post reminder',
  inFrames: true,
  init({ adapter, scope, settings, verdicts, prompts, readPost }, signal) {
    const options = { capture: true, passive: true, signal };

    // Reading a post: learn whether its author is a client before any Share or copy.
    const learnPostAuthor = (event: Event) => {
      const target = eventElement(event);
      if (prompts.question || !target) return;
      const post = adapter.postAt(target);
      if (post) verdicts.learn(readPost(post).authorKeys);
    };
    window.addEventListener('pointerover', learnPostAuthor, options);
    window.addEventListener('focusin', learnPostAuthor, options);

    const remindOnPost = (match: PostActionMatch) => {
      if (!match.post) return;
      if (match.kind === 'react' && !settings().remindOnReact) return;
      const info = readPost(match.post);
      if (info.authorKeys.length === 0 || verdicts.of(info.authorKeys) !== 'client') return;
      const about = {
        site: adapter.id,
        action: 'post' as const,
        keys: info.authorKeys,
        name: info.authorName,
        post: { action: match.kind, url: info.postUrl },
      };
      // After the page has had the event: the reminder changes nothing the page acts on.
      window.setTimeout(() => {
        if (scope.isValid && !prompts.question) prompts.remind(about);
      }, 0);
    };

    // Runs after the boundary prompt's click listener, which keeps from here every
    // click it holds (a covered action, the prompt itself).
    window.addEventListener(
      'click',
      (event: MouseEvent) => {
        const target = eventElement(event);
        if (!event.isTrusted || !target || adapter.actionAt(target)) return;
        const match = adapter.postActionAt(target);
        if (match) remindOnPost(match);
      },
      options,
    );
    window.addEventListener(
      'copy',
      (event: ClipboardEvent) => {
        if (!event.isTrusted) return;
        const selection = document.getSelection();
        if (!selection || selection.isCollapsed || !selection.anchorNode) return;
        const post = adapter.postAt(selection.anchorNode);
        if (post) remindOnPost({ kind: 'copy-text', control: post, post });
      },
      options,
    );
  },
};
