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

// A person's name is short. Past these it is a whole row of text ("Carlos Rodriguez
// te envió una solicitud de amistad. hace 13 horas"), not a name.
const MAX_PERSON_CHARS = 80;
const MAX_PERSON_WORDS = 6;
// A number with the count it is of: "1,234 followers", "272 mil seguidores", "67 amigos",
// "1.2K followers". A link to a profile's followers list bears one; a person does not.
const COUNT =
  /(?:^|\s)\d[\d.,]*\s?(?:k|m|mil|mill|millones|million)?\.?\s(?:followers?|following|friends?|mutual|posts?|likes?|comments?|members?|seguidores?|seguidos|amigos?|publicaciones|me gusta|comentarios|miembros)(?:\s|$)/iu;

/** The text as a person's name, or null when it is longer than a name or carries a count. */
export function personName(text: string | null | undefined): string | null {
  const name = plain(text);
  if (name === '' || name.length > MAX_PERSON_CHARS) return null;
  if (name.split(' ').length > MAX_PERSON_WORDS || COUNT.test(name)) return null;
  return name;
}

// Inside a link that is a whole row (a notification: "<strong>Name</strong> sent you
// a friend request"), the actor is the bold or heading text.
const ACTOR = 'strong, b, h1, h2, h3, h4, [role="heading"]';

/**
 * The person a link names: its label (see linkLabel) when that is a name, else
 * its actor's bold name when the link is a whole row; null when neither is.
 */
export function linkName(link: Element): string | null {
  const name = personName(linkLabel(link));
  if (name !== null) return name;
  for (const actor of Array.from(link.querySelectorAll(ACTOR)).slice(0, 4)) {
    const text = personName(shortText(actor, MAX_NAME));
    if (text !== null) return text;
  }
  return null;
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
