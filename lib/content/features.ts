// Everything a content script does, one feature per file. The order counts: the
// boundary prompt's listeners come first, so that a click it holds reaches no
// other feature either. A new feature is one file and one line here.
import type { ContentFeature } from './feature';
import { boundaryPrompt } from './features/boundary-prompt';
import { observedPostReminder } from './features/observed-post-reminder';
import { contextMenuPost } from './features/context-menu-post';
import { pageStatus } from './features/page-status';
import { auditReader } from './features/audit-reader';

export const CONTENT_FEATURES: readonly ContentFeature[] = [
  boundaryPrompt,
  observedPostReminder,
  contextMenuPost,
  pageStatus,
  auditReader,
];
