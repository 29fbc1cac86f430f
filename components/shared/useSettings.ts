import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../lib/browser';
import { loadLocale, resolveLocale, translator, type Locale, type Translate } from '../../lib/i18n';
import {
  clientWords,
  loadSettings,
  settingsWith,
  watchSettings,
  type EffectiveSettings,
} from '../../lib/settings';

export interface SettingsView {
  settings: EffectiveSettings;
  locale: Locale;
  t: Translate;
  /** The agency's word for the people served, in the page's language. */
  words: { one: string; many: string };
  /** Set when the stored settings could not be read; the defaults are shown meanwhile. */
  loadError: string | null;
  ready: boolean;
}

function view(settings: EffectiveSettings, loadError: string | null, ready: boolean): SettingsView {
  const locale = resolveLocale(settings.values.locale, browser.i18n.getUILanguage());
  return {
    settings,
    locale,
    t: translator(locale),
    words: clientWords(locale, settings.values.clientTerm),
    loadError,
    ready,
  };
}

/** Effective settings for an extension page, kept fresh as they change. */
export function useSettings(): SettingsView {
  const [state, setState] = useState<SettingsView>(() =>
    view(settingsWith({}, undefined), null, false),
  );
  useEffect(() => {
    // Each read is numbered: a catalog that loads late (the first read's, say) must
    // not put back a language the coach has changed since.
    let latest = 0;
    // A language chosen in the settings other than the browser's: its catalog first.
    const apply = (settings: EffectiveSettings) => {
      const mine = ++latest;
      const show = () => {
        if (mine === latest) setState(view(settings, null, true));
      };
      loadLocale(resolveLocale(settings.values.locale, browser.i18n.getUILanguage())).then(
        show,
        show,
      );
    };
    const fail = (error: unknown) => {
      ++latest;
      setState(
        view(
          settingsWith({}, undefined),
          error instanceof Error ? error.message : String(error),
          true,
        ),
      );
    };
    loadSettings().then(apply, fail);
    return watchSettings(apply, fail);
  }, []);
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);
  return state;
}
