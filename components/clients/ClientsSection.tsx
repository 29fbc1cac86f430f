// The client list: the lock, the add form and everyone on the list. A list
// that failed to load says so; it never shows as an empty list. While the
// agency's required passphrase is missing, only the lock area shows, and it
// points to the first step.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ClientView } from '../../lib/store/types';
import { AddClientForm } from './AddClientForm';
import { ClientItem } from './ClientItem';
import type { Loaded } from '../shared/useBackground';
import { describeError, withClientWords, type Sentence } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function ClientsSection({
  lockPanel,
  clients,
  locked,
  onChanged,
  onRetry,
  onNeedUnlock,
  waiting = false,
}: {
  /** The lock area, shown first: whether labels and notes can be seen depends on it. */
  lockPanel: ComponentChildren;
  clients: Loaded<{ clients: ClientView[]; locked: boolean }>;
  locked: boolean;
  onChanged: () => void;
  onRetry: () => void;
  onNeedUnlock: () => void;
  /** The agency requires a passphrase and none is set: the list cannot be used yet. */
  waiting?: boolean;
}) {
  const ui = usePage();
  const formerClientYears = ui.settings.values.formerClientYears;
  const { t } = ui;
  // Results of removing or saving are announced here: the item itself may be gone.
  const [announced, setAnnounced] = useState<{ say: Sentence } | null>(null);
  const announce = (say: Sentence) => setAnnounced({ say });
  // A removed item takes the focused button with it: continue from the list's heading.
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <section class="section" aria-labelledby="clients-heading">
      <h2 id="clients-heading">{withClientWords(ui, 'clientsHeading')}</h2>
      <p>{withClientWords(ui, 'clientsIntro')}</p>
      {lockPanel}
      {!waiting && (
        <>
          <h3>{withClientWords(ui, 'addClientHeading')}</h3>
          <AddClientForm locked={locked} onAdded={onChanged} onNeedUnlock={onNeedUnlock} />

          <h3 ref={listHeading} tabIndex={-1}>
            {withClientWords(ui, 'clientListHeading')}
          </h3>
          <p role="status" aria-live="polite" class="ok" data-testid="clients-status">
            {announced ? announced.say(ui) : ''}
          </p>
          {clients.state === 'loading' && <p class="muted">{t('loading')}</p>}
          {clients.state === 'error' && (
            <div role="alert" class="error" data-testid="clients-load-error">
              <p>{withClientWords(ui, 'clientsLoadFailed', describeError(ui, clients.error))}</p>
              <button type="button" onClick={onRetry}>
                {t('tryAgain')}
              </button>
            </div>
          )}
          {clients.state === 'ready' &&
            (clients.value.clients.length === 0 ? (
              <p data-testid="clients-empty">{withClientWords(ui, 'clientsEmpty')}</p>
            ) : (
              <>
                {clients.value.locked && <p class="hint">{t('clientsLockedHint')}</p>}
                <ul class="items" data-testid="clients">
                  {clients.value.clients.map((client) => (
                    <ClientItem
                      key={client.id}
                      client={client}
                      formerClientYears={formerClientYears}
                      onChanged={onChanged}
                      announce={announce}
                      onRemoved={() => listHeading.current?.focus()}
                    />
                  ))}
                </ul>
              </>
            ))}
        </>
      )}
    </section>
  );
}
