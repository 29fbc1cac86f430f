// The settings form as a table: every setting of lib/settings/definitions.ts
// once, in the order the coach reads them, each with the kind of control it
// takes and the words it shows. The form (SettingsSection) draws these rows;
// whether a control is locked comes from the agency's policy, not from here.
import type { MessageKey } from '../../lib/i18n';
import {
  CLIENT_TERMS,
  LOCALE_SETTINGS,
  PROMPT_MODES,
  PROMPT_SCOPES,
  clientWords,
  type PromptAction,
  type PromptMode,
  type SettingKey,
  type Settings,
} from '../../lib/settings';
import type { SettingsView } from '../shared/useSettings';

/** Settings that are one choice out of a few. */
export type ChoiceSetting = 'promptScope' | 'clientTerm' | 'locale';
/** Settings that are a whole number typed in a box. */
export type NumberSetting =
  | 'formerClientYears'
  | 'observationReminderHours'
  | 'auditIntervalDays'
  | 'idleLockMinutes'
  | 'retentionDays';

/** The words of one choice, in the page's language and with the agency's word. */
type ChoiceWords<V extends string> = (page: SettingsView, value: V) => string;

export type SettingControl =
  | { kind: 'heading'; label: MessageKey }
  | {
      kind: 'choice';
      setting: ChoiceSetting;
      label: MessageKey;
      choices: readonly string[];
      choiceWords: ChoiceWords<string>;
    }
  | {
      /** One choice per action, all of one setting (what happens before friending...). */
      kind: 'choice-per-action';
      setting: 'promptMode';
      choices: readonly PromptMode[];
      choiceWords: ChoiceWords<PromptMode>;
    }
  | { kind: 'sites'; setting: 'platforms'; label: MessageKey }
  | { kind: 'work-hours'; setting: 'workHours'; label: MessageKey }
  /** The label names the people served in the plural, as $1. */
  | { kind: 'number'; setting: NumberSetting; label: MessageKey }
  | { kind: 'text'; setting: 'crisisProtocol'; label: MessageKey }
  /** The label takes the agency's words (singular $1, plural $2). */
  | { kind: 'switch'; setting: 'remindOnReact'; label: MessageKey };

/** The actions a prompt comes before, as the coach reads them (here and in the prompt counts). */
export const ACTION_LABELS: Record<PromptAction, MessageKey> = {
  friend: 'settingPromptModeFriend',
  follow: 'settingPromptModeFollow',
  message: 'settingPromptModeMessage',
};

export const DAY_LABELS: readonly MessageKey[] = [
  'daySun',
  'dayMon',
  'dayTue',
  'dayWed',
  'dayThu',
  'dayFri',
  'daySat',
];

const LOCALE_LABELS: Record<Settings['locale'], MessageKey> = {
  browser: 'localeBrowser',
  en: 'localeEn',
  es: 'localeEs',
};

const modeWords: ChoiceWords<PromptMode> = ({ t, words }, mode) =>
  mode === 'off'
    ? t('promptModeOff')
    : mode === 'remind'
      ? t('promptModeRemind')
      : mode === 'reason'
        ? t('promptModeReason')
        : t('promptModeBlockClients', words.many);

const scopeWords: ChoiceWords<string> = ({ t, words }, scope) =>
  scope === 'unanswered' ? t('promptScopeUnanswered') : t('promptScopeClientsOnly', words.one);

// Each term in its own word, so the coach sees what every screen will say.
const termWords: ChoiceWords<string> = ({ locale }, term) =>
  clientWords(locale, term as Settings['clientTerm']).one;

const localeWords: ChoiceWords<string> = ({ t }, locale) =>
  t(LOCALE_LABELS[locale as Settings['locale']]);

export const SETTING_CONTROLS: readonly SettingControl[] = [
  { kind: 'sites', setting: 'platforms', label: 'settingPlatforms' },
  { kind: 'heading', label: 'settingPromptsHeading' },
  {
    kind: 'choice-per-action',
    setting: 'promptMode',
    choices: PROMPT_MODES,
    choiceWords: modeWords,
  },
  {
    kind: 'choice',
    setting: 'promptScope',
    label: 'settingPromptScope',
    choices: PROMPT_SCOPES,
    choiceWords: scopeWords,
  },
  { kind: 'heading', label: 'settingGeneralHeading' },
  {
    kind: 'choice',
    setting: 'clientTerm',
    label: 'settingClientTerm',
    choices: CLIENT_TERMS,
    choiceWords: termWords,
  },
  {
    kind: 'choice',
    setting: 'locale',
    label: 'settingLocale',
    choices: LOCALE_SETTINGS,
    choiceWords: localeWords,
  },
  { kind: 'work-hours', setting: 'workHours', label: 'settingWorkHours' },
  { kind: 'number', setting: 'formerClientYears', label: 'settingFormerClientYears' },
  { kind: 'number', setting: 'observationReminderHours', label: 'settingObservationReminderHours' },
  { kind: 'number', setting: 'auditIntervalDays', label: 'settingAuditIntervalDays' },
  { kind: 'number', setting: 'idleLockMinutes', label: 'settingIdleLockMinutes' },
  { kind: 'number', setting: 'retentionDays', label: 'settingRetentionDays' },
  { kind: 'text', setting: 'crisisProtocol', label: 'settingCrisisProtocol' },
  { kind: 'switch', setting: 'remindOnReact', label: 'settingRemindOnReact' },
];

/** Every setting the form shows, in its order; a unit test holds it to SETTING_KEYS. */
export const SETTINGS_SHOWN: readonly SettingKey[] = SETTING_CONTROLS.flatMap((control) =>
  control.kind === 'heading' ? [] : [control.setting],
);
