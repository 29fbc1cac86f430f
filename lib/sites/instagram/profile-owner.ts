// Whose profile the page shows: the coach's own or someone else's, read from the
// profile header's controls.
import { type Bilingual, bothLanguages, findLabelled, labelSet } from '../engine/labels';
import type { ProfileOwner } from '../types';

// Shown only in the coach's own profile header. Source: the Clearline issue (2026-11);
// the /accounts/edit/ link is the settings page SELECTORS.md lists (Instagram "Privacy page").
export const OWN: Bilingual = { en: ['Edit profile'], es: ['Editar perfil'] };
export const OWN_LABELS = labelSet(bothLanguages(OWN));

// Offered in someone else's profile header. Sources, SELECTORS.md Instagram rows:
// "Following" and "Message" (profile header, SubstrateLabs/brocc 2025-04-09), "Follow state
// texts" Follow/Following/Requested/Follow Back (InstaPy 2019-04..2022-12). Spanish from the
// Clearline issue (2026-11), not yet seen in a capture, but "Mensaje" (issue 16: the
// Spanish profile header, real page 2022-26).
export const OTHER: Bilingual = {
  en: ['Follow', 'Following', 'Follow Back', 'Message', 'Requested'],
  es: ['Seguir', 'Siguiendo', 'Seguir también', 'Mensaje', 'Enviar mensaje', 'Solicitado'],
};
const OTHER_LABELS = labelSet(bothLanguages(OTHER));

const CONTROLS = 'a, button, [role="button"], [role="link"]';

function isEditProfileLink(el: Element): boolean {
  const href = el.getAttribute('href') ?? '';
  return /^(?:https:\/\/www\.instagram\.com)?\/accounts\/edit\/?(?:[?#]|$)/i.test(href);
}

/**
 * Reads the profile header only (main > header, as in the 2025-04 captures): the
 * followers dialog and the "Suggested for you" rail are full of Follow buttons
 * for other people, so without a header the answer is 'unknown', not a guess.
 * Own controls are checked first, as on Facebook.
 */
export function profileOwner(doc: Document): ProfileOwner {
  const header = doc.querySelector('main header, [role="main"] header');
  if (!header) return 'unknown';
  const ownLink = Array.from(header.querySelectorAll('a[href]')).some(isEditProfileLink);
  if (ownLink || findLabelled(header, CONTROLS, OWN_LABELS)) return 'own';
  if (findLabelled(header, CONTROLS, OTHER_LABELS)) return 'other';
  return 'unknown';
}
