// The guided first step under the agency's requirePassphrase: until the coach
// chooses a passphrase the client list cannot be used, so that is the one thing
// each page asks for, in plain words, with the way to do it right there. The
// options page holds the form (at options.html#first-step); the popup and the
// welcome page lead to it; the sections that wait for it point to it.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from '../../lib/browser';
import type { LockState } from '../../lib/store/types';
import { PassphraseForm } from './PassphraseForm';
import { StatusLine } from '../shared/buildingBlocks';
import { withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export const FIRST_STEP_ID = 'first-step';

/** The options page's address for the step, for links from the popup and the welcome page. */
export const firstStepUrl = () => browser.runtime.getURL(`/options.html#${FIRST_STEP_ID}`);

/**
 * The step itself, on the options page: what the agency asks, and the passphrase
 * form. Once a passphrase is set it stays, saying the list is protected now.
 */
export function PassphraseFirstStep({
  lock,
  onChanged,
  inputRef,
}: {
  lock: LockState;
  onChanged: (next: LockState) => void;
  /** The new passphrase field, so the page (and a link to the step) can bring the coach there. */
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const ui = usePage();
  const { t } = ui;
  const done = lock.passphraseRequired !== true;
  const doneRef = useRef<HTMLDivElement>(null);
  const wasDone = useRef(done);
  // The form that had focus is gone once the passphrase is set: the news takes it.
  useEffect(() => {
    if (done && !wasDone.current) doneRef.current?.focus();
    wasDone.current = done;
  }, [done]);
  // Arriving from the popup or the welcome page: ready to type.
  useEffect(() => {
    if (!done && location.hash === `#${FIRST_STEP_ID}`) {
      inputRef.current?.focus();
      inputRef.current?.scrollIntoView({ block: 'center' });
    }
  }, []);

  return (
    <section
      class="first-step"
      id={FIRST_STEP_ID}
      aria-labelledby="first-step-heading"
      data-testid="first-step"
      data-state={done ? 'done' : 'todo'}
    >
      <h2 id="first-step-heading">{t('firstStepHeading')}</h2>
      {done ? (
        <div ref={doneRef} tabIndex={-1} data-testid="first-step-done">
          <StatusLine tone="ok">{withClientWords(ui, 'firstStepDone')}</StatusLine>
          <p>
            <a href="#clients">{withClientWords(ui, 'firstStepGoToList')}</a>
          </p>
        </div>
      ) : (
        <>
          <p class="lead" data-testid="first-step-intro">
            {withClientWords(ui, 'firstStepIntro')}
          </p>
          <PassphraseForm
            lock={lock}
            onChanged={onChanged}
            required
            firstStep
            nextInputRef={inputRef}
          />
        </>
      )}
    </section>
  );
}

/**
 * Where the step is elsewhere on the options page (the client list, the
 * passphrase section): what waits for it, and one button to it.
 */
export function FirstStepPointer({ onFirstStep }: { onFirstStep: () => void }) {
  const ui = usePage();
  return (
    <div data-testid="passphrase-required">
      <p>{withClientWords(ui, 'firstStepPointer')}</p>
      <button type="button" onClick={onFirstStep}>
        {ui.t('firstStepButton')}
      </button>
    </div>
  );
}

/** The step as the popup and the welcome page show it: what to do, and the link to do it. */
export function FirstStepCard({
  headingLevel = 2,
  testId,
}: {
  headingLevel?: 2 | 3;
  testId: string;
}) {
  const ui = usePage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="first-step" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <Heading id={`${testId}-heading`}>{ui.t('firstStepHeading')}</Heading>
      <p>{withClientWords(ui, 'firstStepIntro')}</p>
      <p>
        <a
          class="button-link btn-primary"
          href={firstStepUrl()}
          target="_blank"
          rel="noreferrer"
          data-testid={`${testId}-link`}
        >
          {ui.t('firstStepButton')}
        </a>
      </p>
    </section>
  );
}
