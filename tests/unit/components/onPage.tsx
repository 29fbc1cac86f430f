// A part rendered as a page holds it: inside the page context, with the given
// words and the default settings (as with no policy and nothing chosen yet).
import type { ComponentChildren } from 'preact';
import { PageProvider } from '../../../components/shared/PageContext';
import type { Ui } from '../../../components/shared/pageWords';
import { settingsWith } from '../../../lib/settings';

export function OnPage({ ui, children }: { ui: Ui; children: ComponentChildren }) {
  const page = { ...ui, settings: settingsWith({}, undefined), loadError: null, ready: true };
  return <PageProvider value={page}>{children}</PageProvider>;
}
