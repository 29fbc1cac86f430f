// Every setting Clearline has, declared once: its schema and its default. The
// agency policy (lib/policy, a later layer) is built over these same definitions.
import * as v from 'valibot';
import { translate, type MessageKey, type Locale } from '../i18n';

export const PROMPT_MODES = ['off', 'remind', 'reason', 'block-clients'] as const;
export type PromptMode = (typeof PROMPT_MODES)[number];

export const PROMPT_ACTIONS = ['friend', 'follow', 'message'] as const;
export type PromptAction = (typeof PROMPT_ACTIONS)[number];

export const PROMPT_SCOPES = ['unanswered', 'clients-only'] as const;
export type PromptScope = (typeof PROMPT_SCOPES)[number];

export const CLIENT_TERMS = ['client', 'participant', 'recoveree'] as const;
export type ClientTerm = (typeof CLIENT_TERMS)[number];

export const LOCALE_SETTINGS = ['browser', 'en', 'es'] as const;
export type LocaleSetting = (typeof LOCALE_SETTINGS)[number];

/** 0 = Sunday ... 6 = Saturday, as Date.getDay(). */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM'));
const wholeNumber = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const SETTING_SCHEMAS = {
  promptMode: v.strictObject({
    friend: v.picklist(PROMPT_MODES),
    follow: v.picklist(PROMPT_MODES),
    message: v.picklist(PROMPT_MODES),
  }),
  promptScope: v.picklist(PROMPT_SCOPES),
  workHours: v.strictObject({
    days: v.pipe(v.array(v.picklist(WEEKDAYS)), v.maxLength(7)),
    start: time,
    end: time,
  }),
  formerClientYears: wholeNumber(0, 10),
  observationReminderHours: wholeNumber(1, 24 * 14),
  auditIntervalDays: wholeNumber(1, 365),
  idleLockMinutes: wholeNumber(1, 24 * 60),
  retentionDays: wholeNumber(1, 3650),
  clientTerm: v.picklist(CLIENT_TERMS),
  locale: v.picklist(LOCALE_SETTINGS),
  /** Remind about public traces when reacting to a client's post too (commenting always reminds). */
  remindOnReact: v.boolean(),
  /** Empty means "use the built-in text in the coach's language" (crisisProtocolDefault). */
  crisisProtocol: v.pipe(v.string(), v.maxLength(2000)),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: v.InferOutput<(typeof SETTING_SCHEMAS)[K]> };
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

const defaults: Settings = {
  promptMode: { friend: 'remind', follow: 'remind', message: 'remind' },
  promptScope: 'unanswered',
  workHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
  formerClientYears: 3,
  observationReminderHours: 24,
  auditIntervalDays: 30,
  idleLockMinutes: 15,
  retentionDays: 180,
  clientTerm: 'client',
  locale: 'browser',
  crisisProtocol: '',
  remindOnReact: false,
};
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaults);

const TERM_KEYS: Record<ClientTerm, { one: MessageKey; many: MessageKey }> = {
  client: { one: 'termClient', many: 'termClientPlural' },
  participant: { one: 'termParticipant', many: 'termParticipantPlural' },
  recoveree: { one: 'termRecoveree', many: 'termRecovereePlural' },
};

/** The agency's word for the people served, in the coach's language, to go into messages. */
export function clientWords(locale: Locale, term: ClientTerm): { one: string; many: string } {
  const keys = TERM_KEYS[term];
  return { one: translate(locale, keys.one), many: translate(locale, keys.many) };
}

/** The crisis protocol to show: the agency's or coach's text, else the built-in one. */
export function crisisProtocolText(
  locale: Locale,
  settings: Pick<Settings, 'crisisProtocol'>,
): string {
  return settings.crisisProtocol.trim() || translate(locale, 'crisisProtocolDefault');
}
