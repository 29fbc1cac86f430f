// Facebook's action bars, for the "some buttons were not recognized" note
// (lib/sites/engine/action-bar.ts): the buttons that sit beside the covered
// actions and are known, so that only a button no table holds is reported.
import { type BarSite, vocabularyOf } from '../engine/action-bar';
import { type Bilingual, bothLanguages, labelIndex } from '../engine/labels';
import { ACTION_LABELS, COMPOSER } from './actions';
import { FACEBOOK_POST_LABELS } from './posts';
import { OTHER, OWN } from './profile-owner';

// Buttons only a profile's (or a profile card's) action bar shows. Each comment names
// its page kind and date; sources as in actions.ts: SELECTORS.md Facebook rows
// (gathered 2026-11), issue 16 (real pages saved 2022-2026), "inferred" = the Clearline
// brief (2026-11), not yet seen in a capture.
const BAR_BUTTONS: Bilingual = {
  en: [
    'See options', // profile action row, "Follow (person profile)" row, absunstar 2024-05
    'Following', // profile action row once followed, same row, 2024-05
    'Friends', // profile action row of a friend, Clearline issue 2026-11 (inferred)
    'Edit profile', // own profile, "Own-profile action row (Comet)" ~2025
    'Add to story', // own profile, same row ~2025
    'See recommendations', // own profile chevron, inferred (practice pages 2026-11)
    'Cancel request', // profile action row after Add friend, inferred
    'Respond', // profile of someone whose request waits, inferred
  ],
  es: [
    'Ver opciones', // profile action row, inferred (the Spanish of "See options")
    'Siguiendo', // profile action row once followed, inferred
    'Amigos', // profile action row of a friend, inferred
    'Editar perfil', // own profile, inferred
    'Agregar a historia', // own profile, inferred
    'Añadir a la historia', // own profile (Spain), inferred
    'Ver recomendaciones', // own profile chevron, inferred
    'Cancelar solicitud', // inferred
    'Responder', // inferred
  ],
};

// Other buttons an action bar or a card may hold: known, never reported.
const OTHER_BUTTONS: Bilingual = {
  en: [
    'Like', // post footer, "Like page" div[aria-label="Like"] 2024-05 (outside a post too)
    'Comment', // post footer, m.facebook 2021-06
    'More', // profile action row overflow "…", inferred
    'Close', // hover card and dialog close, inferred
    'Delete', // friend-request card, "Confirm friend request" row 2025-01..2026-02
    'Remove', // suggestion card, inferred
    'Actions for this post', // post "…" menu, Clearline brief 2026-11
    'Leave a comment', // post footer, Clearline brief 2026-11
  ],
  es: [
    'Me gusta', // post footer, inferred
    'Comentar', // post footer, inferred
    'Más', // inferred
    'Cerrar', // inferred
    'Eliminar', // friend-request card, inferred
    'Quitar', // inferred
    'Acciones para esta publicación', // post "…" menu, Clearline brief 2026-11
    'Escribe un comentario', // post footer, inferred
  ],
};

// Words every label may join its table words with: articles, "your", "this", "or".
const COMMON: Bilingual = {
  en: ['a an the to of on in your this or and as with'],
  es: ['un una el la los las a de del en tu tus esto o y con al'],
};

export const FACEBOOK_BAR: BarSite = {
  barButtons: labelIndex({ bar: BAR_BUTTONS }),
  otherButtons: labelIndex({ other: OTHER_BUTTONS }),
  vocabulary: vocabularyOf([
    ...[ACTION_LABELS, FACEBOOK_POST_LABELS].flatMap((table) =>
      Object.values(table).map(bothLanguages),
    ),
    bothLanguages(OWN),
    bothLanguages(OTHER),
    bothLanguages(COMPOSER),
    bothLanguages(BAR_BUTTONS),
    bothLanguages(OTHER_BUTTONS),
    bothLanguages(COMMON),
  ]),
};
