// What every part of an extension page needs, given once by the page rather
// than handed down through each section: the translator, the agency's word for
// the people served, the page's language, and the effective settings with the
// agency's locks.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SettingsView } from './useSettings';

const PageContext = createContext<SettingsView | null>(null);

/** Set once at the top of a page, with the settings view the page reads. */
export const PageProvider = PageContext.Provider;

export function usePage(): SettingsView {
  const page = useContext(PageContext);
  // A part rendered outside a page would speak with no words: fail loudly instead.
  if (!page) throw new Error('usePage() needs a PageProvider above it');
  return page;
}
