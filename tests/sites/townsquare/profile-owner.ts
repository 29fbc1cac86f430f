// Whose profile the page shows, read from the profile header's controls.
import {
  type Bilingual,
  bothLanguages,
  findLabelled,
  labelSet,
} from '../../../lib/sites/engine/labels';
import type { ProfileOwner } from '../../../lib/sites/types';

// Made up for the practice site, like everything here.
export const OWN: Bilingual = { en: ['Edit profile'], es: ['Editar perfil'] };
export const OWN_LABELS = labelSet(bothLanguages(OWN));
export const OTHER: Bilingual = { en: ['Follow', 'Message'], es: ['Seguir', 'Enviar mensaje'] };
const OTHER_LABELS = labelSet(bothLanguages(OTHER));

const CONTROLS = 'a, button, [role="button"]';

export function profileOwner(doc: Document): ProfileOwner {
  const header = doc.querySelector('main header');
  if (!header) return 'unknown';
  if (findLabelled(header, CONTROLS, OWN_LABELS)) return 'own';
  if (findLabelled(header, CONTROLS, OTHER_LABELS)) return 'other';
  return 'unknown';
}
