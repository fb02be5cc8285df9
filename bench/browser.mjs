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

/**
 * Opens the editor on a workflow of `stages` stages, drags one node while
 * recording frames, then runs the toolbar's auto-layout.
 */
export async function measureEditor(browser, baseUrl, { workflowID, dragSteps }) {
  const page = await newPage(browser);
  try {
    const started = Date.now();
    await page.goto(`${baseUrl}/workflows/${workflowID}/edit`);
    await page.getByRole('listbox', { name: 'Stages outline' }).waitFor({ timeout: 60_000 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    const layoutButton = page.getByRole('button', { name: /^Auto-layout/ });
    await layoutButton.waitFor({ timeout: 60_000 });
    // The editor may lay out a loaded workflow on open: wait until that is done too.
    await page.waitForFunction(
      () => !document.querySelector('button[aria-label^="Auto-layout"][data-loading]'),
      undefined,
      { timeout: 60_000 },
    );
    await nextFrames(page);
    const openMs = Date.now() - started;

    // Drag first: the dragged node leaves its place, so the auto-layout moves it back.
    const node = page.locator('.react-flow__node').first();
    const box = await node.boundingBox();
    if (!box) throw new Error('No canvas node is visible to drag.');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await startFrameRecording(page);
    for (let step = 1; step <= dragSteps; step += 1) {
      await page.mouse.move(x + step * 4, y + step * 2);
    }
    const frames = await stopFrameRecording(page);
    await page.mouse.up();
    await nextFrames(page);

    const layout = await page.evaluate(measureLayoutInPage, await nodeTransforms(page));
    await nextFrames(page);

    return {
      openMs,
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
