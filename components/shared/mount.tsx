// Starts an extension page: its language's catalog first (one small chunk, not
// every locale), then the first render, so no message key ever shows as text.
import { render, type ComponentChild } from 'preact';
import { browser } from '../../lib/browser';
import { loadLocale, resolveLocale } from '../../lib/i18n';

/** The catalog of the browser's language; useSettings loads another if the settings name one. */
export function mount(app: ComponentChild): void {
  const root = document.getElementById('app') as HTMLElement;
  const locale = resolveLocale('', browser.i18n.getUILanguage());
  loadLocale(locale).then(
    () => render(app, root),
    () => render(app, root), // a missing chunk: keys instead of words, but a working page
  );
}
