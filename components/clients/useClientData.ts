// Everything the options page shows about the client list, loaded from the
// background, each part on its own so one failure does not hide the others.
import { useEffect } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import { useLoad } from '../shared/useBackground';

export function useClientData() {
  const lock = useLoad(() => sendMessage('getLockState', {}));
  const clients = useLoad(() => sendMessage('listClients', {}));
  const decisions = useLoad(() => sendMessage('listDecisions', {}));
  const problems = useLoad(() => sendMessage('getStoreProblems', {}));
  const reloadAll = () =>
    Promise.all([lock.reload(), clients.reload(), decisions.reload(), problems.reload()]).then(
      () => undefined,
    );
  // The list can change while this tab sits in the background (an answer given
  // in a prompt, the idle lock): look again whenever the coach comes back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadAll();
    };
    // Locked or unlocked elsewhere (the popup, the idle alarm): never leave
    // decrypted labels on screen after the list has locked.
    const unwatch = STORAGE_ITEMS.unlockedDataKey.watch(() => void reloadAll());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unwatch();
    };
  }, []);
  return { lock, clients, decisions, problems, reloadAll };
}
