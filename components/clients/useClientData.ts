// What Settings shows about the client list, loaded from the background, each
// part on its own so one failure does not hide the others. The lock and the
// database's problems matter on every page; the list itself is decrypted only
// while a page that shows it is open (5,000 clients would slow every other page).
import { useEffect } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import { useLoad } from '../shared/useBackground';

/**
 * Loads again whenever the coach comes back to the tab (an answer given in a
 * prompt, the idle lock) and when the list locks or unlocks elsewhere (the
 * popup, the idle alarm): decrypted labels never stay on screen after a lock.
 */
function useFreshOnReturn(reload: () => void) {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const unwatch = STORAGE_ITEMS.unlockedDataKey.watch(() => reload());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unwatch();
    };
  }, []);
}

/** The lock and the database's problems: every Settings page shows them. */
export function useLockAndProblems() {
  const lock = useLoad(() => sendMessage('getLockState', {}));
  const problems = useLoad(() => sendMessage('getStoreProblems', {}));
  const reloadAll = () => Promise.all([lock.reload(), problems.reload()]).then(() => undefined);
  useFreshOnReturn(() => void reloadAll());
  return { lock, problems, reloadAll };
}

/** The client list and the "not a client" answers, for the page that shows them. */
export function useClientData() {
  const clients = useLoad(() => sendMessage('listClients', {}));
  const decisions = useLoad(() => sendMessage('listDecisions', {}));
  const reloadAll = () => Promise.all([clients.reload(), decisions.reload()]).then(() => undefined);
  useFreshOnReturn(() => void reloadAll());
  return { clients, decisions, reloadAll };
}
