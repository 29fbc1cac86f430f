// Profile links in a card or a post: whom they name and the name they show. Shared
// by the boundary prompt's and the post reminder's readers.
import type { ProfileKey } from '../types';
import { shortText } from './labels';

const MAX_NAME = 200;

/** Plain text, single-spaced and trimmed; cut to 200 characters. Never markup. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}

/** The profile key a link's address names, or null (no address, a fragment, script, not a profile). */
export function linkKey(
  profileKeyFromUrl: (url: URL) => ProfileKey | null,
  link: Element,
  base: URL,
): ProfileKey | null {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#') || /^\s*javascript:/i.test(href)) return null;
  try {
    return profileKeyFromUrl(new URL(href, base));
  } catch {
    return null;
  }
}

/**
 * A link's name: its aria-label, its text, or the label of the picture it wraps
 * (m.facebook.com avatars are `i[role=img][aria-label="<Name>"]`).
 */
export function linkLabel(link: Element): string {
  const aria = plain(link.getAttribute('aria-label'));
  if (aria !== '') return aria;
  const text = plain(shortText(link, MAX_NAME));
  if (text !== '') return text;
  return plain(link.querySelector('[role="img"][aria-label]')?.getAttribute('aria-label'));
}
