// The client list: the lock, the add form and everyone on the list. A list
// that failed to load says so; it never shows as an empty list. While the
// agency's required passphrase is missing, only the lock area shows, and it
// points to the first step.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ClientView } from '../lib/store/types';
import { AddClientForm } from './AddClientForm';
import { ClientItem } from './ClientItem';
import type { Loaded } from './useAsync';
import { describeError, tw, type Say, type Ui } from './ui';

export function ClientsSection({
  ui,
  lockPanel,
  clients,
  locked,
  formerClientYears,
  onChanged,
  onRetry,
  onNeedUnlock,
  waiting = false,
}: {
  ui: Ui;
  /** The lock area, shown first: whether labels and notes can be seen depends on it. */
  lockPanel: ComponentChildren;
  clients: Loaded<{ clients: ClientView[]; locked: boolean }>;
  locked: boolean;
  formerClientYears: number;
  onChanged: () => void;
  onRetry: () => void;
  onNeedUnlock: () => void;
  /** The agency requires a passphrase and none is set: the list cannot be used yet. */
  waiting?: boolean;
}) {
  const { t } = ui;
  // Results of removing or saving are announced here: the item itself may be gone.
  const [announced, setAnnounced] = useState<{ say: Say } | null>(null);
  const announce = (say: Say) => setAnnounced({ say });
  // A removed item takes the focused button with it: continue from the list's heading.
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <section class="section" aria-labelledby="clients-heading">
      <h2 id="clients-heading">{tw(ui, 'clientsHeading')}</h2>
      <p>{tw(ui, 'clientsIntro')}</p>
      {lockPanel}
      {!waiting && (
        <>
          <h3>{tw(ui, 'addClientHeading')}</h3>
          <AddClientForm ui={ui} locked={locked} onAdded={onChanged} onNeedUnlock={onNeedUnlock} />

          <h3 ref={listHeading} tabIndex={-1}>
            {tw(ui, 'clientListHeading')}
          </h3>
          <p role="status" aria-live="polite" class="ok" data-testid="clients-status">
            {announced ? announced.say(ui) : ''}
          </p>
          {clients.state === 'loading' && <p class="muted">{t('loading')}</p>}
          {clients.state === 'error' && (
            <div role="alert" class="error" data-testid="clients-load-error">
              <p>{tw(ui, 'clientsLoadFailed', describeError(ui, clients.error))}</p>
              <button type="button" onClick={onRetry}>
                {t('tryAgain')}
              </button>
            </div>
          )}
          {clients.state === 'ready' &&
            (clients.value.clients.length === 0 ? (
              <p data-testid="clients-empty">{tw(ui, 'clientsEmpty')}</p>
            ) : (
              <>
                {clients.value.locked && <p class="hint">{t('clientsLockedHint')}</p>}
                <ul class="items" data-testid="clients">
                  {clients.value.clients.map((client) => (
                    <ClientItem
                      key={client.id}
                      ui={ui}
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
