// "Some buttons on this page were not recognized": the buttons of an action bar
// Clearline knows (a profile header, a card, a dialog) that it does not
// understand, each as its role and its label's words with names hidden, so a
// coach or an admin can report them. Asked of the tab only when shown; nothing
// leaves the device.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../lib/browser';
import type { Translate } from '../../lib/i18n';
import { sendMessage, type UnrecognizedControls } from '../../lib/messaging';
import { Notice } from '../shared/buildingBlocks';
import { usePage } from '../shared/PageContext';

type UnrecognizedControl = UnrecognizedControls['controls'][number];

/** One control as the note and the diagnostics page say it: button “Enviar un mensaje …”. */
export function controlWords(t: Translate, control: UnrecognizedControl): string {
  return control.role === 'menuitem'
    ? t('unrecognizedMenuItem', control.words)
    : t('unrecognizedButton', control.words);
}

/**
 * The popup's note for one tab. `reportedAt` is the tab's last page report: a
 * new one (the page moved on, or finished rendering) asks again.
 */
export function UnrecognizedNote({ tabId, reportedAt }: { tabId: number; reportedAt: number }) {
  const { t } = usePage();
  const [controls, setControls] = useState<UnrecognizedControl[]>([]);
  useEffect(() => {
    let current = true;
    // A tab that cannot answer (no content script yet) has nothing to report.
    sendMessage('getUnrecognizedControls', { tabId }).then(
      (found) => current && setControls(found.controls),
      () => current && setControls([]),
    );
    return () => {
      current = false;
    };
  }, [tabId, reportedAt]);
  if (controls.length === 0) return null;
  return (
    <Notice tone="warning" testId="buttons-unrecognized">
      <p>{t('popupButtonsUnrecognized')}</p>
      <ul class="unrecognized-controls">
        {controls.map((control) => (
          <li key={`${control.role} ${control.words}`}>{controlWords(t, control)}</li>
        ))}
      </ul>
      <p class="hint">{t('unrecognizedNamesHidden')}</p>
      <p>
        <a
          href={browser.runtime.getURL(`/diagnostics.html?tabId=${tabId}`)}
          target="_blank"
          rel="noreferrer"
          data-testid="see-unrecognized"
        >
          {t('popupSeeChecks')}
        </a>
      </p>
    </Notice>
  );
}
