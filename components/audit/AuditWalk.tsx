// The guided walk: every settings page of the checklist, Facebook first, one at a
// time. The coach opens the page in a new tab; the content script reads what it
// can there; back here, the items of that page show what was found, and what
// could not be read can be confirmed by hand.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIT_ITEMS, settingsPages } from '../../lib/audit/checklist';
import type { AuditView } from '../../lib/audit/types';
import type { SiteId } from '../../lib/sites/types';
import { ConfirmButton } from './ConfirmButton';
import { PLATFORMS, platformRows, resultWords, siteName } from './auditWords';
import { usePage } from '../shared/PageContext';

export interface WalkStep {
  platform: SiteId;
  url: string;
}

/** The pages to visit, in order: each platform's settings pages, each once. */
export function walkSteps(): WalkStep[] {
  return PLATFORMS.flatMap((platform) => settingsPages(platform).map((url) => ({ platform, url })));
}

export function AuditWalk({
  view,
  onView,
  onDone,
}: {
  view: AuditView;
  onView: (view: AuditView) => void;
  onDone: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const steps = useMemo(walkSteps, []);
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const step = steps[Math.min(index, steps.length - 1)];
  const last = index >= steps.length - 1;

  // Starting the walk brings the coach to its first step.
  useEffect(() => heading.current?.focus(), []);
  // "Next" goes away on the last step and "Back" on the first: focus must not
  // fall back to the top of the page with them.
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    (last ? done : heading).current?.focus();
  }, [index]);

  if (!step) return null;
  const onThisPage = new Set(
    AUDIT_ITEMS.filter((i) => i.platform === step.platform && i.link === step.url).map((i) => i.id),
  );
  const rows = platformRows(view, step.platform).filter(({ item }) => onThisPage.has(item.id));

  return (
    <div
      class="audit-walk"
      role="group"
      aria-labelledby={`${id}-step`}
      data-testid="audit-walk"
      data-step={index + 1}
      data-platform={step.platform}
      data-url={step.url}
    >
      <p class="hint">{t('auditWalkIntro')}</p>
      <h3 id={`${id}-step`} ref={heading} tabIndex={-1} aria-live="polite">
        {t('auditWalkStep', String(index + 1), String(steps.length), siteName(ui, step.platform))}
      </h3>
      <p class="audit-url" data-testid="audit-walk-url">
        {step.url}
      </p>
      <p>{t('auditWalkOnThisPage')}</p>
      <ul class="audit-walk-items">
        {rows.map(({ item, state }) => (
          <li
            key={item.id}
            data-testid="audit-walk-item"
            data-item-id={item.id}
            data-result={state.result}
          >
            <span id={`${id}-${item.id}-title`} class="item-title">
              {t(item.title)}
            </span>{' '}
            <span
              id={`${id}-${item.id}-result`}
              class={`audit-result audit-result-${state.result}`}
            >
              {resultWords(ui, state)}
            </span>{' '}
            <ConfirmButton
              state={state}
              describedBy={`${id}-${item.id}-title ${id}-${item.id}-result`}
              onView={onView}
            />
          </li>
        ))}
      </ul>
      <div class="field-row audit-walk-nav">
        <a
          class="button-link"
          href={step.url}
          target="_blank"
          rel="noreferrer"
          data-testid="audit-walk-open"
        >
          {t('auditWalkOpen')}
        </a>
        {index > 0 && (
          <button type="button" onClick={() => setIndex(index - 1)}>
            {t('auditWalkBack')}
          </button>
        )}
        {!last && (
          <button type="button" onClick={() => setIndex(index + 1)}>
            {t('auditWalkNext')}
          </button>
        )}
        <button type="button" ref={done} onClick={onDone}>
          {t('auditWalkDone')}
        </button>
      </div>
    </div>
  );
}
