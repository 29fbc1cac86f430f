// Every setting Clearline has, declared once: its schema and its default. The
// agency policy (lib/policy) is built over these same definitions.
import type * as v from 'valibot';
import {
  choice,
  describe,
  flag,
  listOf,
  patterned,
  record,
  text,
  wholeNumber,
  type Field,
} from './fields';
import { translate, type MessageKey, type Locale } from '../i18n';
import { perSite } from '../sites/registry';

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

const TIME = patterned('^([01][0-9]|2[0-3]):[0-5][0-9]$', 5, 'a time as HH:MM (24-hour clock)');

/**
 * Every setting, with the title and description an agency admin reads in the
 * policy schema (public/managed_schema.json, docs/deploy.md). Coaches see the
 * translated labels of the options page instead.
 */
export const SETTING_FIELDS = {
  platforms: describe(
    record(perSite(() => flag())),
    'Sites Clearline works on',
    'Turn Clearline on or off for Facebook and for Instagram. Off means Clearline does nothing at all on that site. Give both keys.',
  ),
  promptMode: describe(
    record({
      friend: choice(PROMPT_MODES),
      follow: choice(PROMPT_MODES),
      message: choice(PROMPT_MODES),
    }),
    'What happens before friending, following or messaging',
    'For each action (friend, follow, message): "off" (no prompt), "remind" (a reminder of the boundary, then the coach goes on), "reason" (the coach writes why before going on), or "block-clients" (the action is stopped for a marked client; others get a reminder). Give all three keys.',
  ),
  promptScope: describe(
    choice(PROMPT_SCOPES),
    'Who the prompt is for',
    '"unanswered": everyone the coach has not yet said is or is not a client. "clients-only": only people on the client list.',
  ),
  workHours: describe(
    record({ days: listOf(choice(WEEKDAYS), 7), start: TIME, end: TIME }),
    'Working hours',
    "Days (0 = Sunday to 6 = Saturday) and the start and end time (HH:MM, 24-hour clock, the computer's time zone). Messaging a client outside these hours gets an after-hours reminder. Give all three keys.",
  ),
  formerClientYears: describe(
    wholeNumber(0, 10),
    'Years a former client is treated as a client',
    'After a client is marked as former, Clearline keeps prompting as for a client for this many years (0 to 10).',
  ),
  observationReminderHours: describe(
    wholeNumber(1, 24 * 14),
    'Hours before an observation reminder',
    'A noted client post that has not been discussed with the client brings a reminder after this many hours (1 to 336).',
  ),
  auditIntervalDays: describe(
    wholeNumber(1, 365),
    'Days between privacy checks',
    'Clearline asks the coach to check their own privacy settings again after this many days (1 to 365).',
  ),
  idleLockMinutes: describe(
    wholeNumber(1, 24 * 60),
    'Minutes before the client list locks',
    "With a passphrase set, the client list locks this many minutes (1 to 1440) after it was last unlocked, loaded or changed on Clearline's Settings page (which loads it when opened and when its tab is shown again), or used for a backup or a passphrase change. The observation log, other settings and browsing Facebook or Instagram do not count. It also locks when the browser closes.",
  ),
  retentionDays: describe(
    wholeNumber(1, 3650),
    'Days closed observations are kept',
    'Observations marked "Shared with the team" or "No action" are deleted this many days after they were so marked (1 to 3650). Those "To discuss" or "Discussed with them" are kept, however old.',
  ),
  clientTerm: describe(
    choice(CLIENT_TERMS),
    'The word for the people served',
    '"client", "participant" or "recoveree". Every screen uses this word, in English and Spanish.',
  ),
  locale: describe(
    choice(LOCALE_SETTINGS),
    'Language',
    '"browser" (follow the browser\'s language), "en" (English) or "es" (Spanish).',
  ),
  remindOnReact: describe(
    flag(),
    "Remind before reacting to a client's post",
    "true: a like or other reaction on a marked client's post brings the same reminder as a comment or share. Off by default.",
  ),
  crisisProtocol: describe(
    text(2000),
    'Crisis protocol',
    'The steps a coach takes at once when a client post shows a risk of harm, shown in the "Risk of harm" screen. Empty: Clearline\'s built-in text, which points to 988. Up to 2000 characters.',
  ),
} as const;

type Schemas<F extends Record<string, Field>> = { [K in keyof F]: F[K]['schema'] };
const schemasOf = <F extends Record<string, Field>>(fields: F): Schemas<F> =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as Schemas<F>;

export const SETTING_SCHEMAS = schemasOf(SETTING_FIELDS);

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: v.InferOutput<(typeof SETTING_SCHEMAS)[K]> };
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

const defaults: Settings = {
  platforms: perSite(() => true),
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
