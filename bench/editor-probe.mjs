#!/usr/bin/env node
/**
 * Measures the workflow editor in headless Chromium: open time, auto-layout
 * time, the longest frame during auto-layout and frame times while a node is
 * dragged, for workflows of several sizes. Not part of CI.
 *
 * Usage: node bench/editor-probe.mjs --base http://127.0.0.1:18252 [--sizes 10,100,1000]
 *        [--runs 3] [--profile out-dir]
 *
 * The base URL must serve a built console and the orchestration API (for example
 * `FLOWDECK_STATIC_DIR=<dist> npx tsx server/main.ts`). The probe creates one
 * workflow per size through the v2 API, then for each run opens
 * `/workflows/<id>/edit` in a fresh browser context and measures:
 * - load: navigation start to the first frame that shows stage 1 on the canvas,
 *   so it includes loading the console itself;
 * - mount: the end of the workflow's API response to that same frame;
 * - open: the route change to the first frame that shows stage 1, after an
 *   in-app move to the workflow list and back. The workflow is then in the
 *   query cache, as after a click on "Edit";
 * - layout: click on "Auto-layout (L)" to the second frame after it in which
 *   the button is not loading (a layout that runs in a worker sets that state);
 * - max frame: longest interval between animation frames from that click to
 *   600 ms after the layout ends (the fit-view animation included);
 * - drag p50/p95: intervals between animation frames while the node nearest
 *   the middle of the canvas is dragged back and forth with 60 pointer moves
 *   sent without waiting for frames.
 * With --profile, Chrome DevTools Protocol CPU profiles of the in-app open, the layout
 * and the drag of the last run of each size are written to out-dir.
 */
/* eslint-disable no-console -- the table on stdout is this script's output. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from '@playwright/test';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:18252' },
    sizes: { type: 'string', default: '10,100,1000' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

const sizes = options.sizes.split(',').map(Number);
const runs = Number(options.runs);
const layoutButtonName = 'Auto-layout (L)';

/** Stage elements that pass validation, cycled to build a workflow of any size. */
const stagePattern = [
  { delay: { duration: '1m' } },
  {
    send: {
      source: { account: { id: 'world' } },
      destination: { account: { id: 'users:${userID}' } },
      amount: { amount: '100', asset: 'USD/2' },
    },
  },
  { wait_event: { event: 'approved' } },
  { noop: {} },
];

async function createWorkflow(size) {
  const stages = Array.from(
    { length: size },
    (_, index) => stagePattern[index % stagePattern.length],
  );
  const response = await fetch(`${options.base}/api/orchestration/v2/workflows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `probe-${size}-${Date.now().toString(36)}`, stages }),
  });
  if (response.status !== 201) {
    throw new Error(
      `Creating a ${size}-stage workflow failed: ${response.status} ${await response.text()}`,
    );
  }

  return (await response.json()).data.id;
}

/** Page script: records the time of every animation frame in `window.__probeFrames`. */
function recordFrames() {
  window.__probeFrames = [];
  const tick = (time) => {
    window.__probeFrames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function frameIntervals(times, from, to) {
  const intervals = [];
  for (let index = 1; index < times.length; index += 1) {
    if (times[index] >= from && times[index] <= to) intervals.push(times[index] - times[index - 1]);
  }

  return intervals;
}

function percentile(values, fraction) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function startProfile(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
}

async function stopProfile(session, file) {
  const { profile } = await session.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
}

/** Page script: resolves with the time of the first frame that shows stage 1 on the canvas. */
function waitForFirstStage() {
  return new Promise((resolve) => {
    const check = () => {
      const node = document.querySelector('.react-flow__node[aria-label^="Stage 1:"]');
      const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
      const box = node?.getBoundingClientRect();
      const onScreen =
        node &&
        pane &&
        box &&
        getComputedStyle(node).visibility === 'visible' &&
        box.top < pane.bottom &&
        box.bottom > pane.top;
      if (onScreen) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * Page script: resolves once 10 consecutive animation frames each took less than
 * 50 ms, so that a measure does not start while the page is still rendering, or
 * after 15 s anyway.
 */
function waitForQuietFrames() {
  const started = performance.now();

  return new Promise((resolve) => {
    let quiet = 0;
    let last;
    const tick = (now) => {
      if (last !== undefined) quiet = now - last < 50 ? quiet + 1 : 0;
      last = now;
      if (quiet >= 10 || now - started > 15_000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Page script: navigates inside the console, as a click on a link does. */
function navigateInApp(path) {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

async function measureOnce(browser, workflowId, size, profileDir) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordFrames);
  const session = profileDir ? await context.newCDPSession(page) : undefined;
  const editPath = `/workflows/${workflowId}/edit`;

  await page.goto(`${options.base}${editPath}`, { waitUntil: 'commit' });
  const loadMs = await page.evaluate(waitForFirstStage);
  const workflowLoadedMs = await page.evaluate(
    (id) =>
      performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith(`/api/orchestration/v2/workflows/${id}`))?.responseEnd,
    workflowId,
  );

  // Leave for the workflow list and come back, as a user does, so that the workflow is cached.
  await page.evaluate(navigateInApp, '/workflows');
  await page.getByRole('heading', { name: 'Workflows', level: 1 }).waitFor({ timeout: 60_000 });
  await page.evaluate(waitForQuietFrames);
  if (session) await startProfile(session);
  const openStart = await page.evaluate(() => performance.now());
  await page.evaluate(navigateInApp, editPath);
  const openMs = (await page.evaluate(waitForFirstStage)) - openStart;
  if (session) await stopProfile(session, join(profileDir, `open-${size}.cpuprofile`));

  // Let the editor settle (the fit-view animation) before the layout.
  await page.evaluate(waitForQuietFrames);
  if (session) await startProfile(session);
  const layout = await page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const button = document.querySelector(`button[aria-label="${name}"]`);
        if (!button) throw new Error(`The "${name}" button was not found.`);
        const start = performance.now();
        button.click();
        let frames = 0;
        const check = () => {
          frames += 1;
          if (frames >= 2 && !button.hasAttribute('data-loading')) {
            resolve({ start, end: performance.now() });
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    layoutButtonName,
  );
  await page.waitForTimeout(600);
  if (session) await stopProfile(session, join(profileDir, `layout-${size}.cpuprofile`));
  const afterLayout = await page.evaluate(() => window.__probeFrames);
  const maxFrameMs = Math.max(...frameIntervals(afterLayout, layout.start, layout.end + 600));

  // Drag the node nearest the middle of the canvas, away from the edges where
  // React Flow pans the view, sideways within its own slot so the drop reorders nothing.
  const box = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const middle = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const rect = node.getBoundingClientRect();
      const distance = Math.hypot(
        rect.x + rect.width / 2 - middle.x,
        rect.y + rect.height / 2 - middle.y,
      );
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
    }
    return best;
  });
  if (!box) throw new Error('No stage is on screen after the layout.');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const sway = Math.min(30, box.width / 3);
  await page.mouse.move(x, y);
  await page.mouse.down();
  if (session) await startProfile(session);
  const dragStart = await page.evaluate(() => performance.now());
  for (let step = 0; step < 60; step += 1) {
    const offset = sway * Math.sin((step / 60) * 4 * Math.PI);
    await page.mouse.move(x + offset, y + (step % 2));
  }
  const dragEnd = await page.evaluate(() => performance.now());
  if (session) await stopProfile(session, join(profileDir, `drag-${size}.cpuprofile`));
  await page.mouse.up();
  const dragFrames = frameIntervals(
    await page.evaluate(() => window.__probeFrames),
    dragStart,
    dragEnd,
  );

  await context.close();

  return {
    loadMs,
    mountMs: loadMs - (workflowLoadedMs ?? Number.NaN),
    openMs,
    layoutMs: layout.end - layout.start,
    maxFrameMs,
    dragP50: percentile(dragFrames, 0.5),
    dragP95: percentile(dragFrames, 0.95),
    dragFrames: dragFrames.length,
  };
}

const format = (value) => (Number.isFinite(value) ? Math.round(value) : 'n/a');

const browser = await chromium.launch({
  executablePath: options.chromium,
  args: ['--disable-gpu'],
});
try {
  if (options.profile) mkdirSync(options.profile, { recursive: true });
  console.log(
    'stages  run  load ms  mount ms  open ms  layout ms  max frame ms  drag p50  drag p95  drag frames',
  );
  for (const size of sizes) {
    const workflowId = await createWorkflow(size);
    for (let run = 1; run <= runs; run += 1) {
      const profileDir = run === runs ? options.profile : undefined;
      const result = await measureOnce(browser, workflowId, size, profileDir);
      console.log(
        [
          String(size).padStart(6),
          String(run).padStart(4),
          String(format(result.loadMs)).padStart(8),
          String(format(result.mountMs)).padStart(9),
          String(format(result.openMs)).padStart(8),
          String(format(result.layoutMs)).padStart(10),
          String(format(result.maxFrameMs)).padStart(13),
          String(format(result.dragP50)).padStart(9),
          String(format(result.dragP95)).padStart(9),
          String(result.dragFrames).padStart(12),
        ].join(' '),
      );
    }
  }
} finally {
  await browser.close();
}
