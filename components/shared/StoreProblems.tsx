// Problems the background met with the local database. They are shown, each
// with what to do, because a list that silently stopped saving would be worse
// than no list.
import type { MessageKey } from '../../lib/i18n';
import type { StoreProblem } from '../../lib/store/types';
import type { Loaded } from './useBackground';
import { describeError, formatMoment } from './pageWords';
import { usePage } from './PageContext';

const PROBLEM_KEYS: Record<StoreProblem['kind'], MessageKey> = {
  blocked: 'storeProblemBlocked',
  quota: 'storeProblemQuota',
  'open-failed': 'storeProblemOpenFailed',
  'write-failed': 'storeProblemWriteFailed',
};

export function StoreProblems({ problems }: { problems: Loaded<{ problems: StoreProblem[] }> }) {
  const ui = usePage();
  const { t } = ui;
  if (problems.state === 'loading') return null;
  if (problems.state === 'error') {
    return (
      <div role="alert" class="problems" data-testid="store-problems">
        <p>{t('storeProblemsLoadFailed', describeError(ui, problems.error))}</p>
      </div>
    );
  }
  if (problems.value.problems.length === 0) return null;
  return (
    <div role="alert" class="problems" data-testid="store-problems">
      <h2>{t('storeProblemsHeading')}</h2>
      <ul>
        {problems.value.problems.map((problem, i) => (
          <li key={`${problem.at}-${i}`} data-kind={problem.kind}>
            {t(PROBLEM_KEYS[problem.kind], problem.detail)}{' '}
            <span class="muted">({formatMoment(ui, problem.at, true)})</span>
          </li>
        ))}
      </ul>
      <p>{t('storeProblemsNothingDropped')}</p>
    </div>
  );
}
