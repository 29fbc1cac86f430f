// Town Square's covered actions: Follow and Message, and where the person is found.
import {
  type ActionLabels,
  type ActionSite,
  isMessageComposer as composerCheck,
} from '../../../lib/sites/engine/actions';
import {
  type Bilingual,
  bothLanguages,
  labelIndex,
  labelSet,
} from '../../../lib/sites/engine/labels';
import { OWN_LABELS } from './profile-owner';
import { isMessageThread, pageKind, profileKeyFromUrl } from './urls';

export const ACTION_LABELS = {
  follow: { en: ['Follow'], es: ['Seguir'] },
  message: { en: ['Message'], es: ['Enviar mensaje'] },
  'send-message': { en: ['Send'], es: ['Enviar'] },
} as const satisfies ActionLabels;

export const COMPOSER: Bilingual = { en: ['Write a message'], es: ['Escribe un mensaje'] };

export const TOWNSQUARE_ACTIONS: ActionSite = {
  labels: labelIndex(ACTION_LABELS),
  ownLabels: OWN_LABELS,
  composerLabels: labelSet(bothLanguages(COMPOSER)),
  profileKeyFromUrl,
  pageKind,
  isThread: isMessageThread,
};

export function isMessageComposer(el: Element): boolean {
  return composerCheck(TOWNSQUARE_ACTIONS, el);
}
