// Two small hooks for talking to the background: one loads something and can
// load it again, the other runs a request from a form and keeps what to tell
// the coach about it. Neither hides a failure: it is kept and shown.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeError, type Sentence } from './pageWords';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: unknown };

export interface Loader<T> {
  result: Loaded<T>;
  /** Loads again. The last value stays on screen meanwhile, so the list does not flash. */
  reload: () => Promise<void>;
  /** Takes a value the background already returned (unlock answers with the new lock state). */
  set: (value: T) => void;
}

export function useLoad<T>(load: () => Promise<T>): Loader<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  // Only the newest request may write: an older, slower answer would be stale.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const value = await loadRef.current();
      if (call === latest.current) setResult({ state: 'ready', value });
    } catch (error) {
      if (call === latest.current) setResult({ state: 'error', error });
    }
  }, []);
  const set = useCallback((value: T) => {
    latest.current++;
    setResult({ state: 'ready', value });
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { result, reload, set };
}

export interface Action {
  busy: boolean;
  /** What went well, for the role=status region. */
  status: Sentence | null;
  /** What went wrong, for the role=alert region. */
  error: Sentence | null;
  /**
   * Runs a request. `work` returns what to announce on success; a thrown error
   * is described by describeError unless `explain` says it better.
   */
  run: (
    work: () => Promise<Sentence | null>,
    explain?: (error: unknown) => Sentence | null,
  ) => Promise<void>;
  /** Shows a problem found before anything was sent (a passphrase too short...). */
  fail: (say: Sentence) => void;
  clear: () => void;
}

export function useAction(): Action {
  // One object, not two states: a new result replaces the old one entirely.
  const [state, setState] = useState<{
    busy: boolean;
    status: Sentence | null;
    error: Sentence | null;
  }>({
    busy: false,
    status: null,
    error: null,
  });
  const run = useCallback<Action['run']>(async (work, explain) => {
    // Clearing first lets the same error be announced again on a second try.
    setState({ busy: true, status: null, error: null });
    try {
      const status = await work();
      setState({ busy: false, status, error: null });
    } catch (error) {
      const say: Sentence = explain?.(error) ?? ((ui) => describeError(ui, error));
      setState({ busy: false, status: null, error: say });
    }
  }, []);
  const fail = useCallback(
    (say: Sentence) => setState({ busy: false, status: null, error: say }),
    [],
  );
  const clear = useCallback(() => setState({ busy: false, status: null, error: null }), []);
  return { ...state, run, fail, clear };
}
