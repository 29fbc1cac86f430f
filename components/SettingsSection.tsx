// The coach's settings, one control per setting, each saved as it changes.
import { useState } from 'preact/hooks';
import type { MessageKey } from '../lib/i18n';
import {
  CLIENT_TERMS,
  LOCALE_SETTINGS,
  PROMPT_ACTIONS,
  PROMPT_MODES,
  PROMPT_SCOPES,
  WEEKDAYS,
  clientWords,
  crisisProtocolText,
  saveUserSetting,
  type PromptAction,
  type PromptMode,
  type SettingKey,
  type Settings,
} from '../lib/settings';
import type { SettingsView } from './useSettings';
import { tw, type Ui } from './ui';
import { Notice } from './parts';
import { SITE_WORDS } from '../lib/page-kind-words';
import type { SiteId } from '../lib/sites/types';

const ACTION_LABELS: Record<PromptAction, MessageKey> = {
  friend: 'settingPromptModeFriend',
  follow: 'settingPromptModeFollow',
  message: 'settingPromptModeMessage',
};
const DAY_LABELS: MessageKey[] = [
  'daySun',
  'dayMon',
  'dayTue',
  'dayWed',
  'dayThu',
  'dayFri',
  'daySat',
];
const LOCALE_LABELS: Record<(typeof LOCALE_SETTINGS)[number], MessageKey> = {
  browser: 'localeBrowser',
  en: 'localeEn',
  es: 'localeEs',
};
const NUMBER_SETTINGS: { key: SettingKey & keyof NumberSettings; label: MessageKey }[] = [
  { key: 'formerClientYears', label: 'settingFormerClientYears' },
  { key: 'observationReminderHours', label: 'settingObservationReminderHours' },
  { key: 'auditIntervalDays', label: 'settingAuditIntervalDays' },
  { key: 'idleLockMinutes', label: 'settingIdleLockMinutes' },
  { key: 'retentionDays', label: 'settingRetentionDays' },
];
type NumberSettings = Pick<
  Settings,
  | 'formerClientYears'
  | 'observationReminderHours'
  | 'auditIntervalDays'
  | 'idleLockMinutes'
  | 'retentionDays'
>;

const SITES: SiteId[] = ['facebook', 'instagram'];

/**
 * Where a setting's value comes from, next to its control: the default, the
 * coach's choice, or the agency (then the control is locked).
 */
function SourceTag({ view, setting }: { view: SettingsView; setting: SettingKey }) {
  const { t, settings } = view;
  const source = settings.sources[setting];
  const name = settings.agency.agencyName?.trim();
  const text =
    source === 'agency'
      ? name
        ? t('settingSourceAgencyNamed', name)
        : t('settingSourceAgency')
      : settings.locked[setting]
        ? name
          ? t('settingLockedNamed', name)
          : t('settingLocked')
        : source === 'user'
          ? t('settingSourceUser')
          : t('settingSourceDefault');
  return (
    <span
      class={settings.locked[setting] ? 'setting-source locked' : 'setting-source'}
      id={`source-${setting}`}
      data-testid={`source-${setting}`}
      data-source={source}
      data-locked={String(settings.locked[setting])}
    >
      {text}
    </span>
  );
}

/**
 * Working hours as the form shows them now. Read from the controls, not from the
 * last saved settings: two quick clicks would otherwise each save a list that
 * lacks the other's day.
 */
function workHoursShown(control: HTMLInputElement): Settings['workHours'] {
  const fieldset = control.closest('fieldset') as HTMLFieldSetElement;
  const input = (name: string) =>
    fieldset.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  return {
    days: WEEKDAYS.filter((day) => input(`workHours.day${day}`).checked),
    start: input('workHours.start').value,
    end: input('workHours.end').value,
  };
}

/** Policy keys Clearline could not use, with why, so an admin can fix them. */
function IgnoredPolicyKeys({ view }: { view: SettingsView }) {
  const { t } = view;
  const ignored = view.settings.ignored.filter((i) => i.source === 'agency');
  if (ignored.length === 0) return null;
  return (
    <Notice tone="warning" testId="policy-ignored" title={t('policyIgnoredHeading')}>
      <p>{t('policyIgnoredIntro')}</p>
      <ul>
        {ignored.map((item) => (
          <li key={item.key} data-key={item.key}>
            <code>{item.key}</code>: {item.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** The settings form; the page's settings view comes from the page, which reads it once. */
export function SettingsSection({ view }: { view: SettingsView }) {
  const { settings, t, locale, words, loadError } = view;
  // Kept as a message and its detail, not text, so it follows a language change.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const values = settings.values;
  const locked = settings.locked;
  const ui: Ui = view;
  // Every control names its source tag, so a screen reader says "Set by your agency" too.
  const about = (key: SettingKey) => ({
    disabled: locked[key],
    'aria-describedby': `source-${key}`,
  });

  const save = <K extends SettingKey>(key: K, value: Settings[K]) => {
    saveUserSetting(key, value).then(
      () => setStatus({ ok: true }),
      (error: unknown) =>
        setStatus({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const modeLabel = (mode: PromptMode) =>
    mode === 'off'
      ? t('promptModeOff')
      : mode === 'remind'
        ? t('promptModeRemind')
        : mode === 'reason'
          ? t('promptModeReason')
          : t('promptModeBlockClients', words.many);

  return (
    <section class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <p>{t('optionsIntro')}</p>
      {loadError && (
        <p class="error" role="alert">
          {t('optionsLoadFailed', loadError)}
        </p>
      )}
      <p
        role="status"
        aria-live="polite"
        class={status?.ok === false ? 'error' : 'ok'}
        data-testid="save-status"
      >
        {status === null
          ? ''
          : status.ok
            ? t('optionsSaved')
            : t('optionsSaveFailed', status.error)}
      </p>

      {settings.agency.allowUserChanges === false && (
        <Notice tone="info" testId="settings-all-locked">
          <p>
            {settings.agency.agencyName?.trim()
              ? t('settingsAllLockedNamed', settings.agency.agencyName.trim())
              : t('settingsAllLocked')}
          </p>
        </Notice>
      )}
      <IgnoredPolicyKeys view={view} />

      <fieldset class="field">
        <legend>{t('settingPlatforms')}</legend>
        <SourceTag view={view} setting="platforms" />
        <div class="field-row">
          {SITES.map((site) => (
            <label key={site}>
              <input
                type="checkbox"
                name={`platforms.${site}`}
                checked={values.platforms[site]}
                {...about('platforms')}
                onChange={(e) =>
                  save('platforms', { ...values.platforms, [site]: e.currentTarget.checked })
                }
              />{' '}
              {t(SITE_WORDS[site])}
            </label>
          ))}
        </div>
      </fieldset>

      <h3>{t('settingPromptsHeading')}</h3>
      <SourceTag view={view} setting="promptMode" />
      {PROMPT_ACTIONS.map((action) => (
        <label class="field" key={action}>
          {t(ACTION_LABELS[action])}
          <select
            name={`promptMode.${action}`}
            value={values.promptMode[action]}
            {...about('promptMode')}
            onChange={(e) =>
              save('promptMode', {
                ...values.promptMode,
                [action]: e.currentTarget.value as PromptMode,
              })
            }
          >
            {PROMPT_MODES.map((mode) => (
              <option value={mode} key={mode}>
                {modeLabel(mode)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label class="field">
        {t('settingPromptScope')} <SourceTag view={view} setting="promptScope" />
        <select
          name="promptScope"
          value={values.promptScope}
          {...about('promptScope')}
          onChange={(e) => save('promptScope', e.currentTarget.value as Settings['promptScope'])}
        >
          {PROMPT_SCOPES.map((scope) => (
            <option value={scope} key={scope}>
              {scope === 'unanswered'
                ? t('promptScopeUnanswered')
                : t('promptScopeClientsOnly', words.one)}
            </option>
          ))}
        </select>
      </label>

      <h3>{t('settingGeneralHeading')}</h3>
      <label class="field">
        {t('settingClientTerm')} <SourceTag view={view} setting="clientTerm" />
        <select
          name="clientTerm"
          value={values.clientTerm}
          {...about('clientTerm')}
          onChange={(e) => save('clientTerm', e.currentTarget.value as Settings['clientTerm'])}
        >
          {CLIENT_TERMS.map((term) => (
            <option value={term} key={term}>
              {clientWords(locale, term).one}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('settingLocale')} <SourceTag view={view} setting="locale" />
        <select
          name="locale"
          value={values.locale}
          {...about('locale')}
          onChange={(e) => save('locale', e.currentTarget.value as Settings['locale'])}
        >
          {LOCALE_SETTINGS.map((l) => (
            <option value={l} key={l}>
              {t(LOCALE_LABELS[l])}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="field">
        <legend>{t('settingWorkHours')}</legend>
        <SourceTag view={view} setting="workHours" />
        <div class="field-row">
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                name={`workHours.day${day}`}
                checked={values.workHours.days.includes(day)}
                {...about('workHours')}
                onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
              />{' '}
              {t(DAY_LABELS[day] as MessageKey)}
            </label>
          ))}
        </div>
        <div class="field-row">
          <label>
            {t('settingWorkHoursStart')}{' '}
            <input
              type="time"
              name="workHours.start"
              value={values.workHours.start}
              {...about('workHours')}
              onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
            />
          </label>
          <label>
            {t('settingWorkHoursEnd')}{' '}
            <input
              type="time"
              name="workHours.end"
              value={values.workHours.end}
              {...about('workHours')}
              onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
            />
          </label>
        </div>
      </fieldset>
      {NUMBER_SETTINGS.map(({ key, label }) => (
        <label class="field" key={key}>
          {t(label, words.many)} <SourceTag view={view} setting={key} />
          <input
            type="number"
            name={key}
            value={values[key]}
            {...about(key)}
            onChange={(e) => save(key, Number(e.currentTarget.value))}
          />
        </label>
      ))}
      <label class="field">
        {t('settingCrisisProtocol')} <SourceTag view={view} setting="crisisProtocol" />
        <textarea
          name="crisisProtocol"
          rows={4}
          {...about('crisisProtocol')}
          placeholder={crisisProtocolText(locale, { crisisProtocol: '' })}
          value={values.crisisProtocol}
          onChange={(e) => save('crisisProtocol', e.currentTarget.value)}
        />
      </label>
      <label class="field-row">
        <input
          type="checkbox"
          name="remindOnReact"
          checked={values.remindOnReact}
          {...about('remindOnReact')}
          onChange={(e) => save('remindOnReact', e.currentTarget.checked)}
        />{' '}
        {tw(ui, 'settingRemindOnReact')} <SourceTag view={view} setting="remindOnReact" />
      </label>
    </section>
  );
}
