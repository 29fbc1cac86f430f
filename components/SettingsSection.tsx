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
import { tw } from './ui';

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

/** The settings form; the page's settings view comes from the page, which reads it once. */
export function SettingsSection({ view }: { view: SettingsView }) {
  const { settings, t, locale, words, loadError } = view;
  // Kept as a message and its detail, not text, so it follows a language change.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const values = settings.values;

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

      <h3>{t('settingPromptsHeading')}</h3>
      {PROMPT_ACTIONS.map((action) => (
        <label class="field" key={action}>
          {t(ACTION_LABELS[action])}
          <select
            name={`promptMode.${action}`}
            value={values.promptMode[action]}
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
        {t('settingPromptScope')}
        <select
          name="promptScope"
          value={values.promptScope}
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
        {t('settingClientTerm')}
        <select
          name="clientTerm"
          value={values.clientTerm}
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
        {t('settingLocale')}
        <select
          name="locale"
          value={values.locale}
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
        <div class="field-row">
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                name={`workHours.day${day}`}
                checked={values.workHours.days.includes(day)}
                onChange={(e) => {
                  const days = e.currentTarget.checked
                    ? [...values.workHours.days, day].sort()
                    : values.workHours.days.filter((d) => d !== day);
                  save('workHours', { ...values.workHours, days });
                }}
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
              onChange={(e) =>
                save('workHours', { ...values.workHours, start: e.currentTarget.value })
              }
            />
          </label>
          <label>
            {t('settingWorkHoursEnd')}{' '}
            <input
              type="time"
              name="workHours.end"
              value={values.workHours.end}
              onChange={(e) =>
                save('workHours', { ...values.workHours, end: e.currentTarget.value })
              }
            />
          </label>
        </div>
      </fieldset>
      {NUMBER_SETTINGS.map(({ key, label }) => (
        <label class="field" key={key}>
          {t(label, words.many)}
          <input
            type="number"
            name={key}
            value={values[key]}
            onChange={(e) => save(key, Number(e.currentTarget.value))}
          />
        </label>
      ))}
      <label class="field">
        {t('settingCrisisProtocol')}
        <textarea
          name="crisisProtocol"
          rows={4}
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
          onChange={(e) => save('remindOnReact', e.currentTarget.checked)}
        />{' '}
        {tw(view, 'settingRemindOnReact')}
      </label>
    </section>
  );
}
