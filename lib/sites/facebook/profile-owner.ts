// Whose profile the page shows: the coach's own or someone else's, read from the
// controls Facebook offers on it.
import { type Bilingual, bothLanguages, findLabelled, labelSet } from '../engine/labels';
import type { ProfileOwner } from '../types';

// Shown only on the coach's own profile. Source: SELECTORS.md, Facebook row "Own-profile
// action row (Comet)", public code ~2025; Spanish from the Clearline issue (2026-11), not
// yet seen in a capture.
export const OWN: Bilingual = {
  en: ['Edit profile', 'Add to story'],
  es: ['Editar perfil', 'Agregar a historia', 'Añadir a la historia'],
};
export const OWN_LABELS = labelSet(bothLanguages(OWN));

// Offered on someone else's profile. Sources, SELECTORS.md Facebook rows: "Add friend"
// (absunstar/social-browser 2024-05..2025-05; m.facebook "Add Friend" 2017-07), "Add friend
// / Message (es)" (~2024-25), "Confirm friend request" (SalmanDeveloperz 2025-01..2026-02),
// "Follow (person profile)" Follow/Following (absunstar 2024-05). "Message", "Friends",
// "Amigos", "Seguir", "Siguiendo", "Confirmar" from the Clearline issue (2026-11).
export const OTHER: Bilingual = {
  en: ['Add friend', 'Message', 'Follow', 'Following', 'Friends', 'Confirm'],
  es: [
    'Agregar a amigos',
    'Añadir a amigos',
    'Enviar mensaje',
    'Seguir',
    'Siguiendo',
    'Amigos',
    'Confirmar',
  ],
};
const OTHER_LABELS = labelSet(bothLanguages(OTHER));

// aria-label on buttons and labelled links; visible text on buttons only, because
// the profile tabs are links whose text is "Friends" on every profile, own included.
const CONTROLS = 'button, [role="button"], a[aria-label], [role="link"][aria-label]';

/**
 * Own profile when an own-only control is present. Checked first: a shared
 * page's post on the coach's own timeline can carry a "Follow" link, while
 * "Edit profile" never appears on someone else's profile.
 */
export function profileOwner(doc: Document): ProfileOwner {
  const root: ParentNode = doc.querySelector('[role="main"]') ?? doc;
  if (findLabelled(root, CONTROLS, OWN_LABELS)) return 'own';
  if (findLabelled(root, CONTROLS, OTHER_LABELS)) return 'other';
  return 'unknown';
}
