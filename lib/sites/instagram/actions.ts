// Instagram's covered actions, for the boundary prompt: their labels and where
// the person they are about is found.
import {
  type ActionLabels,
  type ActionSite,
  isMessageComposer as composerCheck,
} from '../engine/actions';
import { type Bilingual, bothLanguages, labelIndex, labelSet } from '../engine/labels';
import { OWN_LABELS } from './profile-owner';
import { isMessageThread, pageKind, profileKeyFromUrl } from './urls';

// The covered actions, matched on the whole aria-label (or, without one, the
// visible text), case and spacing ignored: "Following", "Requested" and
// "Message requests" match nothing. Only the page's language applies. Sources
// are SELECTORS.md Instagram rows (dates as listed there, gathered 2026-11) and
// issue 16 (real pages saved 2022-2026); "inferred" = from the Clearline brief
// (2026-11), not yet seen in a capture or in SELECTORS.md.
// Each label's comment names its page kind and date.
export const ACTION_LABELS = {
  follow: {
    // "Follow (followers/following dialog row)": followers dialog; "Follow (home 'Suggested
    // for you')": home feed; brocc 2025-04-09
    en: ['Follow'],
    es: ['Seguir'], // issue 16: profile header, real Spanish page saved 2022-26
  },
  'follow-back': {
    // "Follow state texts": profile header and lists, InstaPy/InstaPy 2019-04..2022-12
    en: ['Follow Back'],
    es: ['Seguir también'], // inferred (profile header)
  },
  message: {
    en: ['Message'], // "Message (profile header)": profile, brocc 2025-04-09
    es: [
      'Mensaje', // issue 16: profile header (profile page), real Spanish page saved 2022-26
      'Enviar mensaje', // inferred (profile header)
    ],
  },
  'confirm-request': {
    en: ['Confirm'], // inferred (follow requests list, never captured)
    es: ['Confirmar'], // inferred (same)
  },
  'send-message': {
    en: ['Send'], // inferred (Direct thread)
    es: ['Enviar'], // inferred (Direct thread); aria-label="Enviar" also in public DM scripts
  },
} as const satisfies ActionLabels;

// The Direct composer in a thread: aria-label "Message" / "Mensaje", inferred (public code only).
export const COMPOSER: Bilingual = { en: ['Message'], es: ['Mensaje'] };

export const INSTAGRAM_ACTIONS: ActionSite = {
  labels: labelIndex(ACTION_LABELS),
  ownLabels: OWN_LABELS,
  composerLabels: labelSet(bothLanguages(COMPOSER)),
  profileKeyFromUrl,
  pageKind,
  isThread: isMessageThread,
};

/** True for the Direct composer (or inside it): Enter there sends a message. */
export function isMessageComposer(el: Element): boolean {
  return composerCheck(INSTAGRAM_ACTIONS, el);
}
