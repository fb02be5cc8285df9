// Browser measurements in a real Chromium, through Playwright's library API.
//
// Frame times are the deltas between consecutive requestAnimationFrame
// callbacks. Chromium runs with vsync and its frame rate limit off, so a frame
// that changes the page lasts as long as its work (script, style, layout,
// paint) instead of waiting for the display's next 16.7 ms tick. A p95 under
// 16.7 ms means that 95% of the frames would fit in a 60 Hz display's budget.
// An idle page still gets frames about 16.7 ms apart.
import { existsSync } from 'node:fs';

import { chromium } from 'playwright';

import { median, percentile } from './stats.mjs';

const debianChromium = '/usr/bin/chromium';
const viewport = { width: 1440, height: 900 };

export async function launchBrowser() {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });

  return { browser, version: browser.version(), executablePath: executablePath ?? 'bundled' };
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });

  return context.newPage();
}

/** Resolves after `count` animation frames, so that the work of the last change is painted. */
async function nextFrames(page, count = 2) {
  await page.evaluate(
    (frames) =>
      new Promise((resolve) => {
        let left = frames;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

async function domNodeCount(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/** Summarizes frame deltas in milliseconds: count, p50, p95 and max. */
function frameSummary(deltas) {
  return {
    frames: deltas.length,
    p50: percentile(deltas, 0.5),
    p95: percentile(deltas, 0.95),
    max: deltas.length ? Math.max(...deltas) : Number.NaN,
  };
}

/**
 * Scrolls the element matched by `selector` by `step` pixels per frame, for
 * `frames` frames (back up when the end is reached), and returns the frame deltas.
 */
async function scrollFrames(page, selector, { step, frames }) {
  const deltas = await page.evaluate(
    ({ selector: target, step: pixels, frames: count }) =>
      new Promise((resolve, reject) => {
        const scroller = document.querySelector(target);
        if (!scroller) {
          reject(new Error(`${target} not found`));

          return;
        }
        scroller.scrollTop = 0;
        const recorded = [];
        let direction = 1;
        let last;
        const tick = (now) => {
          if (last !== undefined) recorded.push(now - last);
          last = now;
          if (recorded.length >= count) {
            resolve(recorded);

            return;
          }
          const end = scroller.scrollHeight - scroller.clientHeight;
          if (scroller.scrollTop >= end - 1) direction = -1;
          if (scroller.scrollTop <= 0) direction = 1;
          scroller.scrollTop += direction * pixels;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, step, frames },
  );

  return frameSummary(deltas);
}

/** Starts recording frame deltas in the page; `stopFrameRecording` returns them. */
async function startFrameRecording(page) {
  await page.evaluate(() => {
    const state = { deltas: [], running: true, last: undefined };
    window.__flowdeckBenchFrames = state;
    const tick = (now) => {
      if (state.last !== undefined) state.deltas.push(now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameRecording(page) {
  const deltas = await page.evaluate(() => {
    const state = window.__flowdeckBenchFrames;
    state.running = false;

    return state.deltas;
  });

  return frameSummary(deltas);
}

function isListResponse(url) {
  return /\/api\/orchestration(\/v2)?\/instances$/.test(new URL(url).pathname);
}

/** Reads the rows and hasMore of an instance list response (v1 `data`, v2 `cursor`). */
async function readListPage(response) {
  const body = await response.json();
  const rows = body.cursor?.data ?? body.data ?? [];

  return { rows: rows.length, hasMore: body.cursor?.hasMore === true };
}

function waitForListResponse(page) {
  return page
    .waitForResponse((response) => isListResponse(response.url()) && response.ok(), {
      timeout: 15_000,
    })
    .catch(() => undefined);
}

const instancesScroller = '[data-testid="instances-scroller"]';
const timelineScroller = '[data-testid="timeline-scroller"]';

/**
 * Opens /instances on a server with `rows` instances, presses "Load more" (or
 * scrolls to the end) until every row is loaded, then scrolls through the
 * loaded rows while recording frames.
 */
export async function measureInstancesList(browser, baseUrl, { rows, scrollFrameCount }) {
  const page = await newPage(browser);
  try {
    const counter = { rows: 0, responses: 0, hasMore: true };
    const count = async (response) => {
      const listPage = await readListPage(response);
      counter.rows += listPage.rows;
      counter.responses += 1;
      counter.hasMore = listPage.hasMore;
    };
    const firstPage = waitForListResponse(page);
    const started = Date.now();
    // 100 rows per page, the largest page size the list offers.
    await page.goto(`${baseUrl}/instances?pageSize=100`);
    const firstResponse = await firstPage;
    if (firstResponse === undefined) throw new Error('The instances page sent no list request.');
    await count(firstResponse);
    await page.locator(instancesScroller).waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (selector) =>
        (document.querySelector(selector)?.querySelectorAll('[role="row"], tr').length ?? 0) > 1,
      instancesScroller,
      { timeout: 30_000 },
    );
    await nextFrames(page);
    const firstRowsMs = Date.now() - started;

    const loadMore = page.getByRole('button', { name: /load more/i });
    while (counter.rows < rows && counter.hasMore) {
      const nextPage = waitForListResponse(page);
      if (await loadMore.isVisible()) {
        await loadMore.click();
      } else {
        // Lists that load on scroll: reach the end of the scroller.
        await page.evaluate((selector) => {
          const scroller = document.querySelector(selector);
          if (scroller) scroller.scrollTop = scroller.scrollHeight;
        }, instancesScroller);
      }
      const response = await nextPage;
      if (response === undefined) break;
      await count(response);
      await nextFrames(page, 1);
    }
    await nextFrames(page);
    const loadAllMs = Date.now() - started;

    const frames = await scrollFrames(page, instancesScroller, {
      step: 200,
      frames: scrollFrameCount,
    });

    return {
      loadedRows: counter.rows,
      responses: counter.responses,
      firstRowsMs,
      loadAllMs,
      domNodes: await domNodeCount(page),
      frames,
    };
  } finally {
    await page.context().close();
  }
}

/** Opens an instance whose history has `entries` entries and scrolls its timeline. */
export async function measureTimeline(browser, baseUrl, { instanceID, scrollFrameCount }) {
  const page = await newPage(browser);
  try {
    const historyLoaded = page.waitForResponse(
      (response) => /\/instances\/[^/]+\/history$/.test(new URL(response.url()).pathname),
      { timeout: 60_000 },
    );
    const started = Date.now();
    await page.goto(`${baseUrl}/instances/${instanceID}`);
    await historyLoaded;
    await page.locator(timelineScroller).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.childElementCount ?? 0) > 0,
      timelineScroller,
      { timeout: 60_000 },
    );
    await nextFrames(page);
    const firstRenderMs = Date.now() - started;
    const frames = await scrollFrames(page, timelineScroller, {
      step: 200,
      frames: scrollFrameCount,
    });

    return { firstRenderMs, domNodes: await domNodeCount(page), frames };
  } finally {
    await page.context().close();
  }
}

/** Returns the transforms of the first rendered canvas nodes, to see when a layout moved them. */
async function nodeTransforms(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node')]
      .slice(0, 20)
      .map((node) => node.style.transform)
      .join('|'),
  );
}

/**
 * Page script: clicks the auto-layout button and resolves with the time until
 * the layout is painted. The layout runs synchronously in the click handler,
 * so it is done by the second frame after the click, unless the button shows
 * a loader, in which case it is done when the loader goes away. `moved` says
 * whether any of the first 20 nodes moved. Resolves with NaN after 10 s.
 */
function measureLayoutInPage(previousTransforms) {
  const button = document.querySelector('button[aria-label^="Auto-layout"]');
  const transforms = () =>
    [...document.querySelectorAll('.react-flow__node')]
      .slice(0, 20)
      .map((node) => node.style.transform)
      .join('|');
  const started = performance.now();
  let sawLoader = false;
  let frames = 0;

  return new Promise((resolve) => {
    const tick = () => {
      frames += 1;
      const loading = button?.hasAttribute('data-loading') ?? false;
      sawLoader ||= loading;
      const moved = transforms() !== previousTransforms;
      const elapsed = performance.now() - started;
      if (!loading && (moved || sawLoader || frames >= 2)) {
        resolve({ ms: elapsed, moved });
      } else if (elapsed > 10_000) {
        resolve({ ms: Number.NaN, moved: false });
      } else {
        requestAnimationFrame(tick);
      }
    };
    button?.click();
    requestAnimationFrame(tick);
  });
}

const editorFirstStage =
  '.react-flow[aria-label="Workflow canvas"] .react-flow__node[aria-label^="Stage 1:"]';

/**
 * Init script: installs `window.__flowdeckEditorBench` in every document of the
 * page, with the waits that the editor measures run inside the page:
 * - firstStage(selector): resolves with performance.now() of the first animation
 *   frame in which `selector` is visible inside its canvas pane, or NaN after 60 s;
 * - quietFrames({ count, maxFrameMs, timeoutMs }): resolves once `count`
 *   consecutive frames each took less than `maxFrameMs`, so that a measure does
 *   not start while the page is still rendering, or after `timeoutMs` anyway;
 * - openByLink(name, selector): clicks the link named `name` and resolves with
 *   the time until `selector` is visible.
 */
function installEditorBench() {
  const firstStage = (selector) => {
    const started = performance.now();

    return new Promise((resolve) => {
      const check = () => {
        const node = document.querySelector(selector);
        const pane = node?.closest('.react-flow')?.getBoundingClientRect();
        const box = node?.getBoundingClientRect();
        const onScreen =
          node &&
          pane &&
          box &&
          getComputedStyle(node).visibility === 'visible' &&
          box.top < pane.bottom &&
          box.bottom > pane.top;
        if (onScreen) resolve(performance.now());
        else if (performance.now() - started > 60_000) resolve(Number.NaN);
        else requestAnimationFrame(check);
      };
      check();
    });
  };
  const quietFrames = ({ count, maxFrameMs, timeoutMs }) => {
    const started = performance.now();

    return new Promise((resolve) => {
      let quiet = 0;
      let last;
      const tick = (now) => {
        if (last !== undefined) quiet = now - last < maxFrameMs ? quiet + 1 : 0;
        last = now;
        if (quiet >= count || now - started > timeoutMs) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  };
  const openByLink = async (name, selector) => {
    const link = [...document.querySelectorAll('a')].find(
      (element) => element.textContent?.trim() === name,
    );
    if (!link) throw new Error(`No "${name}" link on ${location.pathname}.`);
    const started = performance.now();
    link.click();

    return (await firstStage(selector)) - started;
  };
  window.__flowdeckEditorBench = { firstStage, quietFrames, openByLink };
}

async function waitForQuietPage(page) {
  await page.evaluate(() =>
    window.__flowdeckEditorBench.quietFrames({ count: 10, maxFrameMs: 50, timeoutMs: 15_000 }),
  );
}

/**
 * Opens the editor on a workflow of `stages` stages twice and times both:
 * - cold: a page load of /workflows/<id>/edit in a new browser context (empty
 *   cache), from navigation start to the first frame that shows stage 1 on the
 *   canvas. It includes downloading and evaluating the console's code;
 * - in-app: from a click on the workflow page's "Edit" link to that same frame,
 *   with the console already loaded, as a user coming from the workflow page.
 * Then it drags one node sideways while recording frames, and runs the toolbar's
 * auto-layout, which moves the dragged node back to its place.
 */
export async function measureEditor(browser, baseUrl, { workflowID, dragSteps }) {
  const page = await newPage(browser);
  try {
    await page.addInitScript(installEditorBench);
    await page.goto(`${baseUrl}/workflows/${workflowID}/edit`, { waitUntil: 'commit' });
    const coldOpenMs = await page.evaluate(
      (selector) => window.__flowdeckEditorBench.firstStage(selector),
      editorFirstStage,
    );
    if (!Number.isFinite(coldOpenMs)) throw new Error('The editor did not show stage 1 in 60 s.');
    // Unlike the times, the code the cold open waited for does not depend on the machine's load.
    const coldScripts = await page.evaluate(
      (shownAt) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.initiatorType === 'script' || /\.m?js$/.test(entry.name))
          .filter((entry) => entry.responseEnd <= shownAt)
          .map((entry) => entry.decodedBodySize),
      coldOpenMs,
    );

    // To the workflow page through the title's link, as a user would, and back by its Edit link.
    await waitForQuietPage(page);
    await page.getByRole('heading', { level: 1 }).getByRole('link').click();
    await page.getByRole('link', { name: 'Edit', exact: true }).waitFor({ timeout: 60_000 });
    await waitForQuietPage(page);
    const inAppOpenMs = await page.evaluate(
      (selector) => window.__flowdeckEditorBench.openByLink('Edit', selector),
      editorFirstStage,
    );
    if (!Number.isFinite(inAppOpenMs)) {
      throw new Error('The editor did not show stage 1 within 60 s of the click on Edit.');
    }
    await page.getByRole('button', { name: /^Auto-layout/ }).waitFor({ timeout: 60_000 });
    await waitForQuietPage(page);

    // Drag stage 1 sideways within its own slot, so that the drop reorders nothing and the
    // node stays 30 px off the grid, where the auto-layout moves it back from.
    const box = await page.locator(editorFirstStage).boundingBox();
    if (!box) throw new Error('Stage 1 is not visible to drag.');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const sway = 30;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await startFrameRecording(page);
    for (let step = 1; step <= dragSteps; step += 1) {
      await page.mouse.move(x + sway * Math.sin((step / dragSteps) * 2.5 * Math.PI), y);
    }
    const frames = await stopFrameRecording(page);
    await page.mouse.up();
    await waitForQuietPage(page);

    const layout = await page.evaluate(measureLayoutInPage, await nodeTransforms(page));
    // Counted once the fit-view animation that follows the layout is over.
    await waitForQuietPage(page);

    return {
      coldOpenMs,
      coldScriptFiles: coldScripts.length,
      coldScriptBytes: coldScripts.reduce((sum, bytes) => sum + bytes, 0),
      inAppOpenMs,
      layoutMs: layout.ms,
      layoutMovedNodes: layout.moved,
      renderedNodes: await page.locator('.react-flow__node').count(),
      frames,
    };
  } finally {
    await page.context().close();
  }
}

/**
 * Scrolls a plain 100,000 px scroller with nothing else on the page: the
 * frame times that the machine and the harness reach without any app work.
 */
export async function measureBaseline(browser, scrollFrameCount) {
  const page = await newPage(browser);
  try {
    await page.setContent(
      '<div id="baseline" style="height: 800px; overflow: auto"><div style="height: 100000px"></div></div>',
    );

    return await scrollFrames(page, '#baseline', { step: 200, frames: scrollFrameCount });
  } finally {
    await page.context().close();
  }
}

/** Opens `/` and returns the URLs of the scripts and style sheets it loads until the network is idle. */
export async function firstPageAssets(browser, baseUrl) {
  const page = await newPage(browser);
  try {
    const scripts = [];
    const styles = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script') scripts.push(response.url());
      if (type === 'stylesheet') styles.push(response.url());
    });
    await page.goto(`${baseUrl}/`);
    // The network can be idle before the entry script has run and redirected: wait for the
    // redirect first (the console sends `/` to the workflow list), then for the route's chunks.
    await page
      .waitForURL((url) => url.pathname !== '/', { timeout: 30_000 })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
    const path = new URL(page.url()).pathname;

    return { path, scripts, styles };
  } finally {
    await page.context().close();
  }
}

/** Runs `measure` `rounds` times and keeps, for each numeric field, the median. */
export async function repeat(rounds, measure) {
  const results = [];
  for (let round = 0; round < rounds; round += 1) results.push(await measure());

  return mergeMedian(results);
}

function mergeMedian(results) {
  const [first] = results;
  if (typeof first === 'number') return median(results);
  if (first === null || typeof first !== 'object') return first;
  const merged = {};
  for (const key of Object.keys(first))
    merged[key] = mergeMedian(results.map((result) => result[key]));

  return merged;
}
