// Instagram's action bars, for the "some buttons were not recognized" note
// (lib/sites/engine/action-bar.ts): the buttons that sit beside the covered
// actions and are known, so that only a button no table holds is reported.
import { type BarSite, vocabularyOf } from '../engine/action-bar';
import { type Bilingual, bothLanguages, labelIndex } from '../engine/labels';
import { ACTION_LABELS, COMPOSER } from './actions';
import { INSTAGRAM_POST_LABELS } from './posts';
import { OTHER, OWN } from './profile-owner';

// Buttons only a profile header's action bar (or a profile card's) shows. Each comment
// names its page kind and date; sources as in actions.ts: SELECTORS.md Instagram rows
// (gathered 2026-11), issue 16 (real pages saved 2022-2026), "inferred" = the Clearline
// brief (2026-11), not yet seen in a capture.
const BAR_BUTTONS: Bilingual = {
  en: [
    'Following', // profile header, "Following" row, brocc 2025-04-09
    'Requested', // profile header, "Follow state texts", InstaPy 2019-04..2022-12
    'Options', // profile header "…", inferred (practice pages 2026-11)
    'Similar accounts', // profile header chevron, inferred
    'Edit profile', // own profile header, Clearline issue 2026-11
    'View archive', // own profile header, inferred
  ],
  es: [
    'Siguiendo', // profile header, issue 16 (real Spanish page 2022-26)
    'Solicitado', // inferred
    'Opciones', // inferred
    'Cuentas similares', // inferred
    'Editar perfil', // inferred
    'Ver archivo', // inferred
  ],
};

// Other buttons a header or card may hold: known, never reported.
const OTHER_BUTTONS: Bilingual = {
  en: [
    'Like', // post and reel buttons, inferred
    'Comment', // post and reel buttons, inferred
    '… profile picture', // header avatar img alt, inferred
    '… posts', // header post count ("41 posts"), inferred
    'Close', // dialog close, inferred
    'More options', // inferred
    'Delete', // follow request row beside Confirm, inferred (the list was never captured)
  ],
  es: [
    'Me gusta', // inferred
    'Comentar', // inferred
    '… foto del perfil', // header avatar img alt ("usuario: foto del perfil"), inferred
    'Foto del perfil de …', // inferred
    '… publicaciones', // header post count, inferred
    'Cerrar', // inferred
    'Más opciones', // inferred
    'Eliminar', // follow request row beside Confirmar, inferred
  ],
};

// Words every label may join its table words with: articles, "your", "this", "or".
const COMMON: Bilingual = {
  en: ['a an the to of on in your this or and as with'],
  es: ['un una el la los las a de del en tu tus esto o y con al'],
};

export const INSTAGRAM_BAR: BarSite = {
  barButtons: labelIndex({ bar: BAR_BUTTONS }),
  otherButtons: labelIndex({ other: OTHER_BUTTONS }),
  vocabulary: vocabularyOf([
    ...[ACTION_LABELS, INSTAGRAM_POST_LABELS].flatMap((table) =>
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
