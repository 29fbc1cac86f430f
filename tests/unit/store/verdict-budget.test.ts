import { describe, expect, it } from 'vitest';
import {
  VERDICT_BURST,
  VERDICT_REFILL_MS,
  createVerdictBudget,
} from '../../../lib/store/verdict-budget';

describe('verdict budget', () => {
  it('lets a tab ask about a burst of new people, then refuses until it refills', () => {
    let time = 0;
    const budget = createVerdictBudget(() => time);
    for (let i = 0; i < VERDICT_BURST; i += 1) expect(budget.allow(1, [`fb:p${i}`])).toBe(true);
    expect(budget.allow(1, ['fb:one-too-many'])).toBe(false);
    time += VERDICT_REFILL_MS;
    expect(budget.allow(1, ['fb:one-too-many'])).toBe(true);
    expect(budget.allow(1, ['fb:another'])).toBe(false);
  });

  it('charges nothing for keys the tab already asked about, and keeps tabs apart', () => {
    const budget = createVerdictBudget(() => 0);
    for (let i = 0; i < VERDICT_BURST; i += 1) budget.allow(1, [`fb:p${i}`]);
    expect(budget.allow(1, ['fb:p0', 'fb:p1'])).toBe(true);
    expect(budget.allow(2, ['fb:new'])).toBe(true);
    budget.forgetTab(1);
    expect(budget.allow(1, ['fb:fresh'])).toBe(true);
  });

  it('refuses a request whose new keys exceed what is left, whole', () => {
    const budget = createVerdictBudget(() => 0);
    for (let i = 0; i < VERDICT_BURST - 1; i += 1) budget.allow(1, [`fb:p${i}`]);
    expect(budget.allow(1, ['fb:a', 'fb:b'])).toBe(false);
    expect(budget.allow(1, ['fb:a'])).toBe(true);
  });
});
