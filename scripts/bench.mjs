#!/usr/bin/env node
// `npm run bench`: what Clearline costs on a heavy Facebook feed.
//
// Two Chromium profiles run side by side, launched by the same helper as the
// end-to-end tests: one with the built extension, one without. Every cell is
// measured in both, back to back, in alternating order (ABBA...), so the pair
// shares the machine's state of the moment (another engineer's test run, the
// CPU's clock). Everything reported is a paired difference or ratio: median and
// p95 over the repetitions, never a single timing.
//
// Options: --reps N (default 10), --sizes 100,1000,10000, --no-build,
// --out DIR (default tests/bench), --quick (3 repetitions, sizes 100,1000: a smoke run),
// --only observation-log (just the observation log at 5,000 clients and 20,000
// observations, --reps times (default 5); its result replaces the one in results.json).
// See docs/performance.md for what each number means.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem, release, platform, arch, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, CHROME_BUILD } from '../tests/support/launch.mjs';
import { servePracticeSite } from '../tests/support/practice-site.mjs';
import { feedPage } from '../tests/bench/feed.mjs';
import { median, p95, paired, ratioOfMedians } from '../tests/bench/stats.mjs';
import { TARGETS, judge } from '../tests/bench/targets.mjs';
import {
  SCALE,
  openObservationLog,
  seedObservationLog,
} from '../tests/support/observation-log.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
const quick = argv.includes('--quick');
const ONLY = arg('only', null);
if (ONLY !== null && ONLY !== 'observation-log') throw new Error(`unknown --only ${ONLY}`);
const REPS = Number(arg('reps', quick ? 3 : 10));
/** Openings of the observation log per run (each one is a new tab on the same seeded profile). */
const LOG_REPS = Number(arg('reps', quick ? 2 : 5));
const SIZES = arg('sizes', quick ? '100,1000' : '100,1000,10000')
  .split(',')
  .map(Number);
const OUT = resolve(arg('out', 'tests/bench'));
const FEED_URL = 'https://www.facebook.com/';
/** Scroll mode: this many animation frames, each appending this many posts. */
const SCROLL_FRAMES = 30;
const PER_FRAME = 100;
/** Clicks per click-cost sample (each on another post's Share). */
const CLICKS = 10;
/** Quiet time after `load` before reading the load metrics (both profiles alike). */
const SETTLE_MS = 500;
const PROMPT_POSTS = 1000;
/** The size at which a tab's first load (Clearline's start in a new process) is also measured. */
const FIRST_LOAD_POSTS = 1000;
/**
 * After `load`, Clearline loads the next prompt's frame (hidden) once the page
 * is idle, about a second later. Its one-time cost is read over this window
 * after the load metrics, in both profiles alike.
 */
const AFTER_LOAD_MS = 3_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...parts) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/**
 * Installed with evaluateOnNewDocument in every frame of every measured page,
 * in both profiles. On the site page: a 'longtask' observer and the time of the
 * last mouseup. In Clearline's prompt frame: the time its question (its first
 * button) has been painted.
 */
function probe() {
  if (location.protocol === 'chrome-extension:') {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('button')) return;
      seen.disconnect();
      // The next frame paints it; the task after that frame runs once it is painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          window.__benchVisibleAt = performance.timeOrigin + performance.now();
        }, 0),
      );
    });
    seen.observe(document, { childList: true, subtree: true });
    return;
  }
  if (window.top !== window) return;
  const bench = { longTasks: [], mouseUpAt: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null;
  }
  addEventListener(
    'mouseup',
    (e) => {
      bench.mouseUpAt = performance.timeOrigin + e.timeStamp;
    },
    true,
  );
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function build() {
  log('building the extension (npx wxt build)');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('wxt build failed');
}

function contentScriptSizes() {
  const dir = join(CHROME_BUILD, 'content-scripts');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => {
        const raw = readFileSync(join(dir, f));
        return [f.replace(/\.js$/, ''), { bytes: raw.length, gzip: gzipSync(raw).length }];
      }),
  );
}

const pages = new Map();
const feed = (posts) => {
  if (!pages.has(posts)) pages.set(posts, feedPage({ posts }));
  return pages.get(posts);
};

/** Performance.getMetrics as { name: value }, durations in ms, sizes in bytes. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return {
    task: m.TaskDuration * 1000,
    script: m.ScriptDuration * 1000,
    thread: m.ThreadTime * 1000,
    layout: m.LayoutDuration * 1000,
    style: m.RecalcStyleDuration * 1000,
    heap: m.JSHeapUsedSize,
  };
}

const delta = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));

async function longTasks(page) {
  const list = await page.evaluate(() => window.__bench?.longTasks ?? null);
  if (!list) throw new Error('the longtask observer did not run');
  return list;
}

/**
 * The welcome page opens by itself a few seconds after install (it waits for an
 * agency policy first) and becomes the active tab: the measured tab would then be
 * hidden, with no animation frames (the scroll mode would wait forever) and
 * throttled timers. Wait for it and close it before measuring anything.
 */
async function closeWelcomeTab(browser) {
  const target = await browser
    .waitForTarget((t) => t.type() === 'page' && t.url().endsWith('/welcome.html'), {
      timeout: 15_000,
    })
    .catch(() => null);
  if (target) await (await target.page())?.close();
  else log('no welcome tab appeared (already shown, or skipped by policy)');
}

const checked = new Set();

/**
 * A small page of the same site, loaded first in the tab for a "later load":
 * the tab's renderer process has then already run Clearline's content script
 * (and compiled it), as for every page after the first in a tab.
 */
const EARLIER_PAGE = 'https://www.facebook.com/alex.rivera.demo';

/**
 * Opens the feed with `posts` posts in a fresh tab of `arm`; returns the page, its
 * CDP session and the metrics before the feed's navigation (zero for a first load).
 * `later`: the feed is the tab's second page, after EARLIER_PAGE.
 */
async function openFeed(arm, posts, { later = true } = {}) {
  const page = await arm.browser.newPage();
  await page.bringToFront(); // a visible tab in both profiles (animation frames, timers)
  await page.evaluateOnNewDocument(probe);
  await servePracticeSite(page, { extra: { [FEED_URL]: feed(posts) } });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  // Chromium's page metrics start afresh with each new document (checked: a second
  // navigation's counters start below the first's), so the feed's are read as they are.
  const base = { task: 0, script: 0, thread: 0, layout: 0, style: 0, heap: 0 };
  if (later) {
    await page.goto(EARLIER_PAGE, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
  }
  await page.goto(FEED_URL, { waitUntil: 'load', timeout: 180_000 });
  await sleep(SETTLE_MS);
  if (!checked.has(posts)) {
    // The generator's markup must give one feed item per post, not posts nested in posts.
    const items = await page.evaluate(
      () => document.querySelectorAll('[role="feed"] > [aria-posinset]').length,
    );
    if (items !== posts) throw new Error(`the feed has ${items} top-level posts, not ${posts}`);
    checked.add(posts);
  }
  return { page, cdp, base };
}

/** A first load: the feed as a new tab's first page (its process starts Clearline afresh). */
async function measureFirstLoad(arm, posts) {
  const { page, cdp, base } = await openFeed(arm, posts, { later: false });
  const m = delta(base, await metrics(cdp));
  const out = {
    task: m.task,
    script: m.script,
    thread: m.thread,
    longTasks: (await longTasks(page)).length,
  };
  await page.close();
  return out;
}

/** Load: main-thread time, script time and long tasks from navigation to settled. */
async function measureLoad(arm, posts, extra) {
  const { page, cdp, base } = await openFeed(arm, posts);
  const m = delta(base, await metrics(cdp));
  const tasks = await longTasks(page);
  const out = {
    task: m.task,
    script: m.script,
    thread: m.thread,
    layout: m.layout,
    style: m.style,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((s, [, d]) => s + d, 0),
  };
  if (extra.afterLoad) {
    const settled = await metrics(cdp);
    await sleep(AFTER_LOAD_MS);
    const d = delta(settled, await metrics(cdp));
    out.afterLoad = {
      task: d.task,
      script: d.script,
      longTasks: (await longTasks(page)).length - tasks.length,
      preparedFrames: await preparedFrames(page),
    };
  }
  if (extra.heap) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    out.heap = (await metrics(cdp)).heap;
    out.heapUsage = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  }
  if (extra.clicks) out.click = await clickCost(page, cdp);
  if (extra.scroll) out.scroll = await scrollCost(page, cdp);
  if (extra.prompt && arm.extension) out.promptWarm = await promptLatency(arm, page, false);
  await page.close();
  return out;
}

/**
 * The cost of clicks the extension must look at but not stop: Share on posts
 * whose author is not a client (hover first, as the mouse gets there, then the click).
 */
async function clickCost(page, cdp) {
  await page.mouse.move(5, 5);
  await sleep(100);
  const before = await metrics(cdp);
  const tasksBefore = (await longTasks(page)).length;
  for (let k = 0; k < CLICKS; k++) {
    const share = `[aria-posinset="${k + 3}"] [aria-label="Send this to friends or post it on your profile."]`;
    await page.click(share);
  }
  await sleep(200); // replies to the extension's hover look-ups
  const d = delta(before, await metrics(cdp));
  return {
    task: d.task / CLICKS,
    script: d.script / CLICKS,
    thread: d.thread / CLICKS,
    longTasks: (await longTasks(page)).length - tasksBefore,
  };
}

/** Scroll mode: the page appends PER_FRAME posts per animation frame, under a resting mouse. */
async function scrollCost(page, cdp) {
  await page.mouse.move(640, 450);
  await sleep(100);
  const before = await metrics(cdp);
  const tasksBefore = (await longTasks(page)).length;
  await page.evaluate((f, p) => window.__benchAppend(f, p), SCROLL_FRAMES, PER_FRAME);
  await sleep(300);
  const d = delta(before, await metrics(cdp));
  const added = SCROLL_FRAMES * PER_FRAME;
  return {
    posts: added,
    task: d.task,
    script: d.script,
    thread: d.thread,
    taskPerPost: d.task / added,
    scriptPerPost: d.script / added,
    longTasks: (await longTasks(page)).length - tasksBefore,
  };
}

const serviceWorkers = (browser) =>
  browser
    .targets()
    .filter((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));

async function stopServiceWorker(browser, page) {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  for (let i = 0; i < 100 && serviceWorkers(browser).length > 0; i++) await sleep(20);
  if (serviceWorkers(browser).length > 0) throw new Error('the service worker did not stop');
}

const promptFrames = (page) => page.frames().filter((f) => f.url().includes('/prompt.html'));

/** How many prompt frames are loaded on the page (shown or hidden, ready for a question). */
async function preparedFrames(page) {
  let loaded = 0;
  for (const frame of promptFrames(page))
    if ((await frame.evaluate(() => document.readyState).catch(() => null)) === 'complete')
      loaded += 1;
  return loaded;
}

/**
 * Click on Add friend in a post (its author unknown to Clearline) until the
 * question is painted. `early`: at once, before Clearline has prepared its
 * frame; otherwise once it has (as for any click after the page's first seconds).
 */
let promptPost = 20;
async function promptLatency(arm, page, cold, early = false) {
  await page.mouse.move(5, 5);
  if (!early) {
    const deadline = Date.now() + 10_000;
    while ((await preparedFrames(page)) === 0) {
      if (Date.now() > deadline) throw new Error('no prompt frame was prepared');
      await sleep(50);
    }
  }
  if (cold) await stopServiceWorker(arm.browser, page);
  else if (serviceWorkers(arm.browser).length === 0) throw new Error('no running service worker');
  const prepared = await preparedFrames(page);
  const control = `[aria-posinset="${promptPost++}"] [aria-label="Add friend"]`;
  // Clearline holds the whole press from the page now (mouseup included), so the page
  // cannot time it: the release is stamped in the page just before it is sent, which
  // counts one DevTools round trip (about a millisecond) more than before.
  await page.hover(control);
  await page.mouse.down();
  await page.evaluate(() => {
    window.__bench.mouseUpAt = performance.timeOrigin + performance.now();
  });
  await page.mouse.up();
  const deadline = Date.now() + 15_000;
  let visibleAt = null;
  let frame = null;
  while (!visibleAt) {
    if (Date.now() > deadline) throw new Error('the prompt never appeared');
    for (const f of promptFrames(page)) {
      visibleAt = await f.evaluate(() => window.__benchVisibleAt).catch(() => null);
      if (visibleAt) {
        frame = f;
        break;
      }
    }
    if (!visibleAt) await sleep(10);
  }
  const text = await frame.evaluate(() => document.body.innerText);
  if (/stopped this/i.test(text)) throw new Error('the prompt said it was stopped');
  const upAt = await page.evaluate(() => window.__bench.mouseUpAt);
  if (!upAt) throw new Error('no mouseup seen');
  const tasks = await longTasks(page);
  return { ms: visibleAt - upAt, longTasksSoFar: tasks.length, prepared };
}

async function promptCold(arm) {
  const { page } = await openFeed(arm, PROMPT_POSTS);
  const result = await promptLatency(arm, page, true);
  await page.close();
  return result;
}

/** A click in the page's first second, before the frame is prepared (warm service worker). */
async function promptEarly(arm) {
  const page = await arm.browser.newPage();
  await page.bringToFront();
  await page.evaluateOnNewDocument(probe);
  await servePracticeSite(page, { extra: { [FEED_URL]: feed(PROMPT_POSTS) } });
  await page.goto(FEED_URL, { waitUntil: 'load', timeout: 180_000 });
  const result = await promptLatency(arm, page, false, true);
  await page.close();
  return result;
}

/**
 * The observation log at heavy use (issue 21): one profile seeded with SCALE
 * clients and observations through the backup import, then, LOG_REPS times, a
 * new tab opens Settings → Observations as a coach would. Per opening: the time
 * from the navigation's start to the first page painted, the elements on the page,
 * its JS heap after garbage collection; then turning to the next page, marking a
 * row "Discussed with them" and exporting the supervision summary, each from the
 * click to its result on screen. A version without pages (before issue 21) has
 * no page to turn and no status line for these: those are null.
 */
async function measureObservationLog() {
  const launched = await launchBrowser({ extension: true });
  const { browser, extensionId } = launched;
  await closeWelcomeTab(browser);
  const openings = [];
  let seed;
  try {
    const seeder = await browser.newPage();
    await seeder.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    seed = await seedObservationLog(seeder);
    await seeder.close();
    log(
      `observation log: seeded ${SCALE.clients} clients, ${SCALE.observations} observations in ${seed.ms} ms`,
    );
    for (let rep = 0; rep < LOG_REPS; rep++) {
      const { page, measured } = await openObservationLog(browser, extensionId);
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' }).catch(() => undefined);
      measured.turnPageMs = await timeTurnPage(page);
      measured.markMs = await timeMark(page);
      measured.exportMs = await timeExport(page);
      openings.push(measured);
      log(
        `observation log ${rep + 1}/${LOG_REPS}: first page ${measured.firstPageMs.toFixed(0)} ms, ${measured.elements.page} elements, turn ${measured.turnPageMs?.toFixed(0)} ms, mark ${measured.markMs?.toFixed(0)} ms, export ${measured.exportMs?.toFixed(0)} ms`,
      );
      await page.close();
    }
  } finally {
    await launched.close();
  }
  const series = (path) => pick(openings, path).filter((x) => typeof x === 'number');
  const stat = (path) => {
    const xs = series(path);
    return xs.length ? { median: median(xs), p95: p95(xs), samples: xs } : null;
  };
  return {
    date: new Date().toISOString(),
    scale: SCALE,
    openings: openings.length,
    seedMs: seed.ms,
    firstPageMs: stat('firstPageMs'),
    sectionToFirstPageMs: stat('sectionToFirstPageMs'),
    elementsAtFirstPage: {
      page: stat('elementsAtFirstPage.page'),
      section: stat('elementsAtFirstPage.section'),
    },
    elements: {
      page: stat('elements.page'),
      section: stat('elements.section'),
      rows: stat('elements.rows'),
    },
    jsHeapUsedBytes: stat('jsHeapUsedBytes'),
    turnPageMs: stat('turnPageMs'),
    markMs: stat('markMs'),
    exportMs: stat('exportMs'),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** performance.now() in the page once the next frame after `done()` holds has been painted. */
const paintedWhen = (page, done, arg) =>
  page.evaluate(
    (doneText, a) =>
      new Promise((resolve, reject) => {
        const check = new Function('a', `return (${doneText})(a)`);
        const deadline = performance.now() + 120_000;
        const tick = () => {
          if (check(a))
            return requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          if (performance.now() > deadline) return reject(new Error('timed out'));
          setTimeout(tick, 5);
        };
        tick();
      }),
    done.toString(),
    arg,
  );

/** Click on Older to the next page painted; null without pages. */
async function timeTurnPage(page) {
  const older = await page.$('nav[data-testid="observation-pages"] button:last-child');
  if (!older) return null;
  const range = await page.$eval('[data-testid="observations-range"]', (el) => el.textContent);
  const clickedAt = await page.evaluate(() => performance.now());
  await older.click();
  const at = await paintedWhen(
    page,
    (old) =>
      document.querySelector('[data-testid="observations-range"]')?.textContent !== old &&
      !document.querySelector('ul.observations[aria-busy="true"]'),
    range,
  );
  return at - clickedAt;
}

/** Click on "Discussed with them" in the first row still to discuss, to its new status shown. */
async function timeMark(page) {
  const id = await page.$eval('li[data-testid="observation"][data-status="to-discuss"]', (li) =>
    li.getAttribute('data-observation-id'),
  );
  const button = await page.$(
    `li[data-observation-id="${id}"] ::-p-aria([name="Discussed with them"][role="button"])`,
  );
  const clickedAt = await page.evaluate(() => performance.now());
  await button.click();
  const at = await paintedWhen(
    page,
    (rowId) =>
      document.querySelector(`li[data-observation-id="${rowId}"]`)?.getAttribute('data-status') ===
      'discussed',
    id,
  );
  return at - clickedAt;
}

/** Click on "Export supervision summary" to the line saying the files were saved. */
async function timeExport(page) {
  const button = await page.$('::-p-aria([name="Export supervision summary"][role="button"])');
  const clickedAt = await page.evaluate(() => performance.now());
  await button.click();
  const at = await paintedWhen(page, () =>
    [...document.querySelectorAll('section[data-testid="observations"] [role="status"]')].some(
      (el) => el.textContent.includes('clearline-supervision-summary'),
    ),
  );
  return at - clickedAt;
}

/** --only observation-log: measure it and put it into the committed results, the rest unchanged. */
async function onlyObservationLog() {
  if (!argv.includes('--no-build')) build();
  const observationLog = roundDeep(await measureObservationLog());
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, 'results.json');
  let results;
  try {
    results = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // No earlier full run in OUT (a measurement of another build, say): this measure alone.
    writeFileSync(
      join(OUT, 'observation-log.json'),
      JSON.stringify(observationLog, null, 2) + '\n',
    );
    log(`wrote ${join(OUT, 'observation-log.json')}`);
    return;
  }
  results.measured.observationLog = observationLog;
  results.targets = TARGETS.map((t) => judge(t, results.measured));
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(OUT, 'results.md'), markdown(results));
  log(`wrote ${path} and results.md`);
  for (const t of results.targets) log(`${t.pass ? 'PASS' : 'MISS'} ${t.name}: ${t.shown}`);
}

async function main() {
  if (!argv.includes('--no-build')) build();
  const sizes = contentScriptSizes();
  const startedAt = new Date();
  log(`reps ${REPS}, sizes ${SIZES.join(', ')}`);
  const withExt = await launchBrowser({ extension: true });
  const without = await launchBrowser({ extension: false });
  await closeWelcomeTab(withExt.browser);
  const arms = {
    with: { name: 'with', extension: true, browser: withExt.browser },
    without: { name: 'without', extension: false, browser: without.browser },
  };
  const chromium = await withExt.browser.version();
  const runs = { with: {}, without: {} };
  const cold = [];
  const early = [];
  const firstLoads = { with: [], without: [] };
  try {
    log('warm-up (not counted)');
    for (const arm of Object.values(arms)) await measureLoad(arm, SIZES[0], {});

    for (let rep = 0; rep < REPS; rep++) {
      for (const [i, posts] of SIZES.entries()) {
        const order = (rep + i) % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
        const extra = {
          heap: posts === 1000,
          clicks: posts === Math.min(...SIZES) || posts === Math.max(...SIZES),
          scroll: posts === Math.min(...SIZES),
          prompt: posts === PROMPT_POSTS,
          afterLoad: posts === PROMPT_POSTS,
        };
        for (const name of order) {
          const result = await measureLoad(arms[name], posts, extra);
          (runs[name][posts] ??= []).push(result);
        }
      }
      if (SIZES.includes(FIRST_LOAD_POSTS)) {
        const order = rep % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
        for (const name of order)
          firstLoads[name].push(await measureFirstLoad(arms[name], FIRST_LOAD_POSTS));
      }
      if (SIZES.includes(PROMPT_POSTS)) {
        cold.push(await promptCold(arms.with));
        early.push(await promptEarly(arms.with));
      }
      const last = (name, posts) => runs[name][posts].at(-1).task.toFixed(0);
      log(
        `rep ${rep + 1}/${REPS}:`,
        SIZES.map((n) => `N=${n} ${last('with', n)}/${last('without', n)} ms`).join(', '),
      );
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  log('observation log at heavy use');
  const observationLog = await measureObservationLog();

  const results = summarize({
    runs,
    firstLoads,
    cold,
    early,
    sizes,
    chromium,
    startedAt,
    observationLog,
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(OUT, 'results.md'), markdown(results));
  log(`wrote ${join(OUT, 'results.json')} and results.md`);
  for (const t of results.targets) log(`${t.pass ? 'PASS' : 'MISS'} ${t.name}: ${t.shown}`);
}

const pick = (list, path) => list.map((r) => path.split('.').reduce((o, k) => o?.[k], r));
const round = (x, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

function roundDeep(value) {
  if (typeof value === 'number') return round(value);
  if (Array.isArray(value)) return value.map(roundDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)]));
  return value;
}

function summarize({ runs, firstLoads, cold, early, sizes, chromium, startedAt, observationLog }) {
  const sizesRun = Object.keys(runs.with).map(Number);
  const pair = (posts, path) =>
    paired(pick(runs.with[posts], path), pick(runs.without[posts], path));
  const load = {};
  for (const posts of sizesRun) {
    load[posts] = {
      taskMs: pair(posts, 'task'),
      scriptMs: pair(posts, 'script'),
      threadMs: pair(posts, 'thread'),
      longTasks: pair(posts, 'longTasks'),
      longTaskMs: pair(posts, 'longTaskMs'),
    };
  }
  const firstLoad = firstLoads.with.length
    ? {
        posts: FIRST_LOAD_POSTS,
        taskMs: paired(pick(firstLoads.with, 'task'), pick(firstLoads.without, 'task')),
        scriptMs: paired(pick(firstLoads.with, 'script'), pick(firstLoads.without, 'script')),
        threadMs: paired(pick(firstLoads.with, 'thread'), pick(firstLoads.without, 'thread')),
        longTasks: paired(
          pick(firstLoads.with, 'longTasks'),
          pick(firstLoads.without, 'longTasks'),
        ),
      }
    : null;
  const lo = Math.min(...sizesRun);
  const hi = Math.max(...sizesRun);
  const idle = {};
  for (const key of ['taskMs', 'scriptMs', 'threadMs']) {
    idle[key] = ratioOfMedians(load[hi][key].diffs, load[lo][key].diffs);
  }
  const click = {};
  for (const posts of [lo, hi]) {
    click[posts] = {
      scriptMs: pair(posts, 'click.script'),
      taskMs: pair(posts, 'click.task'),
      threadMs: pair(posts, 'click.thread'),
      longTasks: pair(posts, 'click.longTasks'),
    };
  }
  const clickRatio = {
    scriptMs: ratioOfMedians(click[hi].scriptMs.diffs, click[lo].scriptMs.diffs),
    taskMs: ratioOfMedians(click[hi].taskMs.diffs, click[lo].taskMs.diffs),
  };
  const scroll = {
    postsAppended: runs.with[lo][0].scroll.posts,
    taskMsPerPost: pair(lo, 'scroll.taskPerPost'),
    scriptMsPerPost: pair(lo, 'scroll.scriptPerPost'),
    longTasks: pair(lo, 'scroll.longTasks'),
  };
  const heap = runs.with[1000]
    ? {
        jsHeapUsedBytes: pair(1000, 'heap'),
        runtimeHeapUsageBytes: pair(1000, 'heapUsage'),
      }
    : null;
  const warm = runs.with[PROMPT_POSTS] ? pick(runs.with[PROMPT_POSTS], 'promptWarm.ms') : [];
  const coldMs = cold.map((c) => c.ms);
  const earlyMs = early.map((c) => c.ms);
  const prompt = {
    posts: PROMPT_POSTS,
    warm: { median: median(warm), p95: p95(warm), samples: warm },
    cold: { median: median(coldMs), p95: p95(coldMs), samples: coldMs },
    early: {
      median: median(earlyMs),
      p95: p95(earlyMs),
      samples: earlyMs,
      // How many of the early clicks found a frame already prepared (should be none).
      prepared: early.filter((c) => c.prepared > 0).length,
    },
  };
  const afterLoad = runs.with[PROMPT_POSTS]?.[0]?.afterLoad
    ? {
        posts: PROMPT_POSTS,
        windowMs: AFTER_LOAD_MS,
        scriptMs: pair(PROMPT_POSTS, 'afterLoad.script'),
        taskMs: pair(PROMPT_POSTS, 'afterLoad.task'),
        longTasks: pair(PROMPT_POSTS, 'afterLoad.longTasks'),
        preparedFrames: pick(runs.with[PROMPT_POSTS], 'afterLoad.preparedFrames'),
      }
    : null;
  const measured = {
    load,
    firstLoad,
    idleCostRatio: { from: lo, to: hi, ...idle },
    click,
    clickRatio: { from: lo, to: hi, ...clickRatio },
    scroll,
    heap,
    prompt,
    afterLoad,
    contentScripts: sizes,
    observationLog,
  };
  const out = {
    meta: {
      date: startedAt.toISOString(),
      durationMinutes: round((Date.now() - startedAt.getTime()) / 60_000, 1),
      machine: machine(),
      chromium,
      repetitions: REPS,
      sizes: sizesRun,
      scroll: { frames: SCROLL_FRAMES, postsPerFrame: PER_FRAME },
      clicksPerSample: CLICKS,
      settleMs: SETTLE_MS,
      method:
        'paired: each cell measured with and without the extension back to back, order alternating; values are medians and p95 over repetitions of per-pair differences (with - without) and ratios (with / without)',
    },
    measured: roundDeep(measured),
  };
  out.targets = TARGETS.map((t) => judge(t, measured));
  return out;
}

const fmt = (x, digits = 1) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
const ci = (c) => `[${fmt(c[0], 2)}, ${fmt(c[1], 2)}]`;

function markdown(r) {
  const m = r.measured;
  const lines = [];
  lines.push('# Clearline benchmark results', '');
  lines.push(
    `Generated by \`npm run bench\` (scripts/bench.mjs) on ${r.meta.date.slice(0, 10)}; do not edit by hand. Method and meaning: [docs/performance.md](../../docs/performance.md).`,
    '',
  );
  lines.push(
    `- Machine: ${r.meta.machine.cpu}, ${r.meta.machine.cores} cores, ${r.meta.machine.memoryGB} GB, ${r.meta.machine.os}, Node ${r.meta.machine.node} (load average at start ${r.meta.machine.loadAverageAtStart.join(' ')})`,
  );
  lines.push(`- Browser: ${r.meta.chromium}, headless, same flags in both profiles`);
  lines.push(
    `- Repetitions: ${r.meta.repetitions} per cell, with and without the extension back to back, order alternating; run took ${r.meta.durationMinutes} min`,
  );
  lines.push(
    `- Feed: synthetic Facebook home page (tests/bench/feed.mjs) with ${r.meta.sizes.join(', ')} posts; scroll mode appends ${r.meta.scroll.postsPerFrame} posts per animation frame for ${r.meta.scroll.frames} frames`,
    '',
  );
  lines.push('## Targets', '');
  lines.push('| Target | Budget | Measured | Result |', '|---|---|---|---|');
  for (const t of r.targets)
    lines.push(`| ${t.name} | ${t.budget} | ${t.shown} | ${t.pass ? 'pass' : '**miss**'} |`);
  lines.push('');
  lines.push('## Load: added main-thread time (with - without, per pair)', '');
  lines.push(
    '| Posts | TaskDuration with / without (median ms) | added TaskDuration median (95% CI) | p95 | added ScriptDuration median | p95 | added ThreadTime median | added long tasks median / p95 |',
    '|---|---|---|---|---|---|---|---|',
  );
  const row = (label, l) =>
    `| ${label} | ${fmt(l.taskMs.with.median)} / ${fmt(l.taskMs.without.median)} | ${fmt(l.taskMs.diff.median)} ${ci(l.taskMs.diff.ci95)} | ${fmt(l.taskMs.diff.p95)} | ${fmt(l.scriptMs.diff.median, 2)} | ${fmt(l.scriptMs.diff.p95, 2)} | ${fmt(l.threadMs.diff.median)} | ${fmt(l.longTasks.diff.median, 0)} / ${fmt(l.longTasks.diff.p95, 0)} |`;
  for (const [posts, l] of Object.entries(m.load)) lines.push(row(`${posts}, later load`, l));
  if (m.firstLoad) lines.push(row(`${m.firstLoad.posts}, first load`, m.firstLoad));
  lines.push('');
  lines.push(
    "A later load is the feed opened as a tab's second page of the site, the usual case (the tab's renderer process has run Clearline before). A first load is the feed as a new tab's first page: Clearline's content script starts in a new process, compiled afresh; the load budget is judged on it, the worse case.",
    '',
  );
  const ir = m.idleCostRatio;
  lines.push(
    `Idle cost ratio (added cost at ${ir.to} posts / at ${ir.from} posts, ratio of medians, 95% bootstrap interval): TaskDuration ${fmt(ir.taskMs.value, 2)} ${ci(ir.taskMs.ci95)}; ScriptDuration ${fmt(ir.scriptMs.value, 2)} ${ci(ir.scriptMs.ci95)}; ThreadTime ${fmt(ir.threadMs.value, 2)} ${ci(ir.threadMs.ci95)}.`,
    '',
  );
  lines.push('## Clicks the extension looks at but lets through (Share on a non-client post)', '');
  lines.push(
    '| Posts | added ScriptDuration per click, median (p95) | added TaskDuration per click, median (p95) | added long tasks |',
    '|---|---|---|---|',
  );
  for (const [posts, c] of Object.entries(m.click)) {
    lines.push(
      `| ${posts} | ${fmt(c.scriptMs.diff.median, 3)} (${fmt(c.scriptMs.diff.p95, 3)}) ms | ${fmt(c.taskMs.diff.median, 2)} (${fmt(c.taskMs.diff.p95, 2)}) ms | ${fmt(c.longTasks.diff.median, 0)} |`,
    );
  }
  lines.push('');
  const cr = m.clickRatio;
  lines.push(
    `Click handler ratio (${cr.to} / ${cr.from} posts): ScriptDuration ${fmt(cr.scriptMs.value, 2)} ${ci(cr.scriptMs.ci95)}; TaskDuration ${fmt(cr.taskMs.value, 2)} ${ci(cr.taskMs.ci95)}.`,
    '',
  );
  lines.push('## Scroll mode', '');
  const s = m.scroll;
  lines.push(
    `${s.postsAppended} posts appended to the ${ir.from}-post feed. Added TaskDuration per appended post: median ${fmt(s.taskMsPerPost.diff.median * 1000, 1)} µs (p95 ${fmt(s.taskMsPerPost.diff.p95 * 1000, 1)} µs), of the page's own ${fmt(s.taskMsPerPost.without.median * 1000, 0)} µs; added ScriptDuration per post: median ${fmt(s.scriptMsPerPost.diff.median * 1000, 2)} µs (p95 ${fmt(s.scriptMsPerPost.diff.p95 * 1000, 2)} µs); added long tasks: median ${fmt(s.longTasks.diff.median, 0)}, p95 ${fmt(s.longTasks.diff.p95, 0)}.`,
    '',
  );
  if (m.heap) {
    lines.push('## Heap at 1,000 posts (after forced garbage collection)', '');
    lines.push(
      `JSHeapUsedSize of the page's renderer isolate (main world and Clearline's isolated world together): with ${fmt(m.heap.jsHeapUsedBytes.with.median / 1024, 0)} KB, without ${fmt(m.heap.jsHeapUsedBytes.without.median / 1024, 0)} KB, added median ${fmt(m.heap.jsHeapUsedBytes.diff.median / 1024, 0)} KB (p95 ${fmt(m.heap.jsHeapUsedBytes.diff.p95 / 1024, 0)} KB); Runtime.getHeapUsage agrees: added ${fmt(m.heap.runtimeHeapUsageBytes.diff.median / 1024, 0)} KB.`,
      '',
    );
  }
  lines.push(`## Click to prompt visible (${m.prompt.posts}-post feed)`, '');
  lines.push(
    `From the mouseup of a click on Add friend in a post to the prompt's question painted in its frame, once Clearline has prepared the frame (about a second after the page's load; the run waits for it). Warm service worker: median ${fmt(m.prompt.warm.median, 0)} ms, p95 ${fmt(m.prompt.warm.p95, 0)} ms. Stopped service worker (ServiceWorker.stopAllWorkers, checked gone before the click): median ${fmt(m.prompt.cold.median, 0)} ms, p95 ${fmt(m.prompt.cold.p95, 0)} ms.`,
    '',
    `A click right at the page's load, before the frame is prepared (warm service worker; not a target, shown for completeness): median ${fmt(m.prompt.early.median, 0)} ms, p95 ${fmt(m.prompt.early.p95, 0)} ms (${m.prompt.early.prepared} of ${m.prompt.early.samples.length} found a frame already prepared).`,
    '',
  );
  if (m.afterLoad) {
    const a = m.afterLoad;
    lines.push(`## After load: preparing the prompt's frame (${a.posts}-post feed)`, '');
    lines.push(
      `Added main-thread time in the ${fmt(a.windowMs / 1000, 0)} s after the load metrics, in which Clearline loads the next prompt's frame, hidden (once per page, and again after each prompt): ScriptDuration median ${fmt(a.scriptMs.diff.median, 2)} ms (p95 ${fmt(a.scriptMs.diff.p95, 2)}), TaskDuration median ${fmt(a.taskMs.diff.median, 1)} ms ${ci(a.taskMs.diff.ci95)}; added long tasks median ${fmt(a.longTasks.diff.median, 0)}. Frames prepared by the end of the window: ${a.preparedFrames.join(', ')}.`,
      '',
    );
  }
  if (m.observationLog) {
    const o = m.observationLog;
    const cell = (x, unit = ' ms', digits = 0) =>
      x ? `${fmt(x.median, digits)}${unit} | ${fmt(x.p95, digits)}${unit}` : 'n/a | n/a';
    const kb = (x) => (x ? { median: x.median / 2 ** 20, p95: x.p95 / 2 ** 20 } : null);
    lines.push(
      `## Observation log at ${o.scale.clients.toLocaleString('en')} clients / ${o.scale.observations.toLocaleString('en')} observations`,
      '',
    );
    lines.push(
      `Measured ${o.date.slice(0, 16).replace('T', ' ')} UTC (load average ${o.loadAverage.join(' ')}): one profile filled through the encrypted backup import (${fmt(o.seedMs / 1000, 1)} s), then ${o.openings} times a new tab opens Settings → Observations (options.html#observations) as a coach would. Run alone with \`npm run bench -- --only observation-log\`.`,
      '',
    );
    lines.push('| Measure | median | p95 |', '|---|---|---|');
    lines.push(
      `| First page painted, from the navigation's start (target < 2 s) | ${cell(o.firstPageMs)} |`,
    );
    lines.push(
      `| First page painted, from the section's first render | ${cell(o.sectionToFirstPageMs)} |`,
    );
    lines.push(
      `| Elements on the options page when the first page was shown | ${cell(o.elementsAtFirstPage.page, '')} |`,
    );
    lines.push(
      `| Elements on Settings → Observations once it has settled (the log page alone) | ${cell(o.elements.page, '')} |`,
    );
    lines.push(`| Elements in the Observations section | ${cell(o.elements.section, '')} |`);
    lines.push(`| Observation rows shown | ${cell(o.elements.rows, '')} |`);
    lines.push(
      `| JS heap of the options page after GC, all of it shown | ${cell(kb(o.jsHeapUsedBytes), ' MB', 1)} |`,
    );
    lines.push(`| Older: click to the next page painted | ${cell(o.turnPageMs)} |`);
    lines.push(`| Discussed with them: click to the new status painted | ${cell(o.markMs)} |`);
    lines.push(`| Export supervision summary: click to "saved" painted | ${cell(o.exportMs)} |`);
    lines.push('');
  }
  lines.push('## Content scripts', '');
  for (const [name, size] of Object.entries(m.contentScripts))
    lines.push(`- ${name}.js: ${fmt(size.bytes / 1024)} KB, ${fmt(size.gzip / 1024)} KB gzipped`);
  lines.push('');
  return lines.join('\n');
}

(ONLY === 'observation-log' ? onlyObservationLog() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
