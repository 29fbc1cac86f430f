// Facebook's covered actions, for the boundary prompt: their labels and where
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
// visible text), case and spacing ignored: "Following" is not "Follow". A label
// with "…" is a word pattern (see Bilingual). Only the page's language applies.
// Sources are SELECTORS.md Facebook rows (dates as listed there, gathered
// 2026-11) and issue 16 (real pages saved 2022-2026); "inferred" = from the
// Clearline brief (2026-11), not yet seen in a capture or in SELECTORS.md.
// Each label's comment names its page kind and date.
export const ACTION_LABELS = {
  'add-friend': {
    en: [
      // "Add friend (profile, suggestions)": profile and People You May Know,
      // absunstar/social-browser 2024-05..2025-05
      'Add friend',
      'Add Friend', // "Add friend (m.facebook search result)": search result 2017-07
      // aria-label="Add <Name> as a friend": "Add friend (classic desktop, in feed)", a feed
      // post's author, tracking-exposed/facebook 2016-10; a regex until issue 16
      'Add … as a friend',
    ],
    es: [
      // "Add friend / Message (es)", Latin American Spanish, ~2024-25 (the row names no page
      // kind; profile and suggestions, as the English row: inferred)
      'Agregar a amigos',
      'Añadir a amigos', // same row, Spain, ~2024-25
    ],
  },
  'confirm-request': {
    en: [
      // "Confirm friend request": friend requests page, SalmanDeveloperz 2025-01..2026-02;
      // "Add friend / Confirm (text spans, StyleX)" ~2023; a notification row: issue 16
      // (Spanish page, real pages saved 2022-26)
      'Confirm',
      'Confirm request', // inferred (friend requests page)
    ],
    // issue 16: a friend-request notification row, real Spanish page saved 2022-26
    es: ['Confirmar'],
  },
  follow: {
    // "Follow (person profile)": a profile's "See options" menu item, absunstar 2024-05;
    // "Follow (page/profile)": a Page or profile, text span 2023
    en: ['Follow'],
    es: ['Seguir'], // inferred (profile menu)
  },
  message: {
    en: ['Message'], // inferred (profile; the English of the "Add friend / Message (es)" row)
    es: [
      'Enviar mensaje', // "Add friend / Message (es)": profile, ~2024-25
      'Mensaje', // inferred (profile)
    ],
  },
  'send-message': {
    en: [
      // inferred (Messenger thread); "Press Enter to send" also in public Messenger scripts
      'Press enter to send',
      'Send', // inferred (Messenger thread)
    ],
    es: ['Enviar'], // "Add friend / Message (es)": send in a chat, ~2024-25
  },
} as const satisfies ActionLabels;

// Messenger's composer in a thread: aria-label "Message", inferred (Clearline brief 2026-11;
// also public code); "Mensaje" inferred (public code only).
export const COMPOSER: Bilingual = { en: ['Message'], es: ['Mensaje'] };

export const FACEBOOK_ACTIONS: ActionSite = {
  labels: labelIndex(ACTION_LABELS),
  ownLabels: OWN_LABELS,
  composerLabels: labelSet(bothLanguages(COMPOSER)),
  profileKeyFromUrl,
  pageKind,
  isThread: isMessageThread,
};

/** True for Messenger's composer (or inside it): Enter there sends a message. */
export function isMessageComposer(el: Element): boolean {
  return composerCheck(FACEBOOK_ACTIONS, el);
}
