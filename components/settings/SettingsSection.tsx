// The coach's settings, one control per setting, each saved as it changes. The
// controls are drawn from the table in settingControls.ts; this file says how
// each kind of control looks.
import { useState } from 'preact/hooks';
import {
  PROMPT_ACTIONS,
  WEEKDAYS,
  crisisProtocolText,
  saveUserSetting,
  type PromptMode,
  type SettingKey,
  type Settings,
} from '../../lib/settings';
import type { MessageKey } from '../../lib/i18n';
import { usePage } from '../shared/PageContext';
import { withClientWords } from '../shared/pageWords';
import { Notice } from '../shared/buildingBlocks';
import { formatWorkHours } from '../prompt/AfterHours';
import { SITE_WORDS } from '../../lib/page-kind-words';
import { SITE_IDS } from '../../lib/sites/registry';
import {
  ACTION_LABELS,
  DAY_LABELS,
  SETTING_CONTROLS,
  type SettingControl,
} from './settingControls';

type Save = <K extends SettingKey>(key: K, value: Settings[K]) => void;

/**
 * Where a setting's value comes from, next to its control: the default, the
 * coach's choice, or the agency (then the control is locked).
 */
function SourceTag({ setting }: { setting: SettingKey }) {
  const { t, settings } = usePage();
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
function IgnoredPolicyKeys() {
  const { t, settings } = usePage();
  const ignored = settings.ignored.filter((i) => i.source === 'agency');
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

const MODE_COSTS: Record<PromptMode, MessageKey> = {
  off: 'promptModeCostOff',
  remind: 'promptModeCostRemind',
  reason: 'promptModeCostReason',
  'block-clients': 'promptModeCostBlockClients',
};

/** One row of the table as its control, locked where the agency fixed the setting. */
function Control({ control, save }: { control: SettingControl; save: Save }) {
  const page = usePage();
  const { t, words, locale } = page;
  const values = page.settings.values;
  if (control.kind === 'heading') return <h3>{t(control.label)}</h3>;
  const key = control.setting;
  // Every control names its source tag, so a screen reader says "Set by your agency" too.
  const about = { disabled: page.settings.locked[key], 'aria-describedby': `source-${key}` };

  switch (control.kind) {
    case 'sites':
      return (
        <fieldset class="field">
          <legend>{t(control.label)}</legend>
          <SourceTag setting={key} />
          <div class="field-row">
            {SITE_IDS.map((site) => (
              <label key={site}>
                <input
                  type="checkbox"
                  name={`platforms.${site}`}
                  checked={values.platforms[site]}
                  {...about}
                  onChange={(e) =>
                    save('platforms', { ...values.platforms, [site]: e.currentTarget.checked })
                  }
                />{' '}
                {t(SITE_WORDS[site])}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'choice-per-action':
      return (
        <>
          <SourceTag setting={key} />
          {PROMPT_ACTIONS.map((action) => (
            <label class="field" key={action}>
              {t(ACTION_LABELS[action])}
              <select
                name={`promptMode.${action}`}
                value={values.promptMode[action]}
                {...about}
                onChange={(e) =>
                  save('promptMode', {
                    ...values.promptMode,
                    [action]: e.currentTarget.value as PromptMode,
                  })
                }
              >
                {control.choices.map((mode) => (
                  <option value={mode} key={mode}>
                    {control.choiceWords(page, mode)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {/* What each mode asks of the coach, so a calm choice is an informed one. */}
          <ul class="hint mode-costs" data-testid="prompt-mode-costs">
            {control.choices.map((mode) => (
              <li key={mode} data-mode={mode}>
                {t(MODE_COSTS[mode], words.one, words.many)}
              </li>
            ))}
          </ul>
        </>
      );
    case 'choice':
      return (
        <label class="field">
          {t(control.label)} <SourceTag setting={key} />
          <select
            name={key}
            value={values[control.setting]}
            {...about}
            // The table offers only the values the setting's schema accepts.
            onChange={(e) =>
              save(control.setting, e.currentTarget.value as Settings[typeof control.setting])
            }
          >
            {control.choices.map((choice) => (
              <option value={choice} key={choice}>
                {control.choiceWords(page, choice)}
              </option>
            ))}
          </select>
        </label>
      );
    case 'work-hours':
      return (
        <fieldset class="field">
          <legend>{t(control.label)}</legend>
          <SourceTag setting={key} />
          <div class="field-row">
            {WEEKDAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  name={`workHours.day${day}`}
                  checked={values.workHours.days.includes(day)}
                  {...about}
                  onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
                />{' '}
                {t(DAY_LABELS[day] as (typeof DAY_LABELS)[number])}
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
                {...about}
                onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
              />
            </label>
            <label>
              {t('settingWorkHoursEnd')}{' '}
              <input
                type="time"
                name="workHours.end"
                value={values.workHours.end}
                {...about}
                onChange={(e) => save('workHours', workHoursShown(e.currentTarget))}
              />
            </label>
          </div>
          {/* The time fields follow the browser's language, not Clearline's: the hours
              again in the coach's chosen language, as the after-hours reminder says them. */}
          <p class="hint" data-testid="work-hours-words">
            {values.workHours.days.length > 0
              ? t('settingWorkHoursWords', formatWorkHours({ t, words, locale }, values.workHours))
              : t('settingWorkHoursNoDays')}
          </p>
        </fieldset>
      );
    case 'number':
      return (
        <label class="field">
          {t(control.label, words.many)} <SourceTag setting={key} />
          <input
            type="number"
            name={key}
            value={values[control.setting]}
            {...about}
            onChange={(e) => save(control.setting, Number(e.currentTarget.value))}
          />
        </label>
      );
    case 'text':
      return (
        <label class="field">
          {t(control.label)} <SourceTag setting={key} />
          <textarea
            name={key}
            rows={4}
            {...about}
            placeholder={crisisProtocolText(locale, { crisisProtocol: '' })}
            value={values[control.setting]}
            onChange={(e) => save(control.setting, e.currentTarget.value)}
          />
        </label>
      );
    case 'switch':
      return (
        <label class="field-row">
          <input
            type="checkbox"
            name={key}
            checked={values[control.setting]}
            {...about}
            onChange={(e) => save(control.setting, e.currentTarget.checked)}
          />{' '}
          {withClientWords(page, control.label)} <SourceTag setting={key} />
        </label>
      );
  }
}

/** The settings form, from the settings the page read once (the page context). */
export function SettingsSection() {
  const { settings, t, loadError } = usePage();
  // Kept as a message and its detail, not text, so it follows a language change.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; error: string } | null>(null);

  const save: Save = (key, value) => {
    saveUserSetting(key, value).then(
      () => setStatus({ ok: true }),
      (error: unknown) =>
        setStatus({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };

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
      <IgnoredPolicyKeys />

      {SETTING_CONTROLS.map((control) => (
        <Control
          key={control.kind === 'heading' ? control.label : control.setting}
          control={control}
          save={save}
        />
      ))}
    </section>
  );
}
