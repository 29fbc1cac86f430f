// The boundary prompt page, framed by the content script on the host page. It
// knows its prompt only by the nonce the content script hands it (main.tsx,
// lib/prompt/handover.ts) and learns everything else from the background. It
// tells the content script, over the port handed over with the nonce, when the
// question is up and, once the background has recorded it, how it was answered.
import { useEffect, useRef, useState } from 'preact/hooks';
import { AskStage } from '../../components/prompt/AskStage';
import { CrisisStage } from '../../components/prompt/CrisisStage';
import { GuidanceStage } from '../../components/prompt/GuidanceStage';
import { ObservedStage } from '../../components/prompt/ObservedStage';
import {
  useInert,
  useSeenWhole,
  type FrameProps,
  type PromptControls,
} from '../../components/prompt/PromptDialog';
import { describePromptError } from '../../components/prompt/PromptText';
import { LoadFailed, StoppedStage } from '../../components/prompt/StoppedStage';
import { withClientWords, type Sentence, type Ui } from '../../components/shared/pageWords';
import { useSettings } from '../../components/shared/useSettings';
import { sendMessage } from '../../lib/messaging';
import { SITE_WORDS } from '../../lib/page-kind-words';
import type { FrameNews, Sight } from '../../lib/prompt/port';
import type { PromptChoice, PromptContext } from '../../lib/prompt/types';
import { crisisProtocolText } from '../../lib/settings';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; context: PromptContext }
  /** Answered for good: the content script removes the frame; nothing more to show. */
  | { kind: 'done' };

const sayError =
  (error: unknown): Sentence =>
  (ui: Ui) =>
    describePromptError(ui, error);

/** The prompt this frame shows: its nonce, its context as asked for by main.tsx, and its content script. */
export interface PromptStart {
  nonce: string;
  context: Promise<PromptContext>;
  content: Omit<FrameNews, 'size'>;
}

/** An answer that ends the prompt: Cancel drops the action; any other the background let stand replays it. */
const outcomeOf = (choice: PromptChoice) => (choice === 'cancel' ? 'cancel' : 'replay');

export function PromptApp({ start, sight }: { start: Promise<PromptStart>; sight: Sight }) {
  const { t, words, locale, ready, settings } = useSettings();
  const ui: Ui = { t, words, locale };
  const [handed, setHanded] = useState<PromptStart | null>(null);
  const nonce = handed?.nonce ?? '';
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [error, setError] = useState<Sentence | null>(null);
  const [status, setStatus] = useState<Sentence | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts views: a new context, or a field revealed in place.
  const [round, setRound] = useState(0);
  const busyRef = useRef(false);
  const shownSent = useRef(false);

  useEffect(() => {
    void start.then((started) => {
      setHanded(started);
      started.context.then(
        (first) => setPhase({ kind: 'ready', context: first }),
        (loadError: unknown) => setPhase({ kind: 'failed', error: loadError }),
      );
    });
  }, [start]);

  // Shown only once the settings are in: the language and the agency's word are final.
  const visible = ready && (phase.kind === 'ready' || phase.kind === 'failed');
  const view = visible ? `${phase.kind}:${round}` : null;
  const seenWhole = useSeenWhole(sight);
  const inert = useInert(view, seenWhole);
  // Read by answer(): a press that reaches a button while the page covers it is refused.
  const inertRef = useRef(inert);
  inertRef.current = inert;

  // Runs after the first render of the question: the content script may now stop waiting.
  useEffect(() => {
    if (!visible || phase.kind !== 'ready' || !handed || shownSent.current) return;
    shownSent.current = true;
    handed.content.shown();
  }, [visible, phase.kind, handed]);

  const answer: PromptControls['answer'] = async (choice, extra = {}) => {
    if (busyRef.current) return false;
    // Cancel is always safe; any other answer needs the question seen whole, just now.
    if (choice !== 'cancel' && inertRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const { context } = await sendMessage('answerPrompt', { nonce, choice, ...extra });
      if (context) {
        setPhase({ kind: 'ready', context });
        setRound((r) => r + 1);
      } else {
        setPhase({ kind: 'done' });
        // Recorded: only now may the content script act on the answer.
        handed?.content.answered(outcomeOf(choice));
      }
      return true;
    } catch (answerError) {
      setError(() => sayError(answerError));
      return false;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const controls: PromptControls = {
    blocked: inert || busy,
    busy,
    answer,
    fail: (say) => setError(() => say),
    rearm: () => setRound((r) => r + 1),
    announce: (say) => setStatus(() => say),
  };

  if (phase.kind === 'done') return null;
  if (!visible || view === null) {
    return (
      <p class="prompt-loading" role="status">
        {t('loading')}
      </p>
    );
  }

  const frame: FrameProps = {
    ui,
    error,
    status,
    inert,
    view,
    // Cancel is always safe, so Escape needs no pause.
    onEscape: () => void answer('cancel'),
    onSize: (height) => sight.reportSize(height),
  };

  if (phase.kind === 'failed') {
    return <LoadFailed frame={frame} controls={controls} loadError={phase.error} />;
  }
  const { context } = phase;
  const site = withClientWords(ui, 'promptSiteLine', t(SITE_WORDS[context.site]));
  if (context.stage === 'stopped')
    return (
      <StoppedStage
        frame={frame}
        controls={controls}
        site={site}
        trouble={context.trouble ?? null}
      />
    );
  if (context.stage === 'guidance')
    return (
      <GuidanceStage
        frame={frame}
        controls={controls}
        context={context}
        site={site}
        supervisor={settings.agency.supervisorContact?.trim()}
      />
    );
  if (context.stage === 'observed')
    return <ObservedStage frame={frame} controls={controls} context={context} site={site} />;
  if (context.stage === 'crisis')
    return (
      <CrisisStage
        frame={frame}
        controls={controls}
        context={context}
        site={site}
        protocol={crisisProtocolText(locale, settings.values)}
      />
    );
  return <AskStage frame={frame} controls={controls} context={context} site={site} />;
}
