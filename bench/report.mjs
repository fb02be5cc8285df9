// Renders the benchmark results as Markdown (BENCHMARKS.md) and as a short
// plain-text summary for the terminal.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { formatKilobytes, formatNumber, formatRatio } from './stats.mjs';

const notesFile = join(dirname(fileURLToPath(import.meta.url)), 'notes.md');

const targets = {
  firstPageGzipBytes: 200 * 1024,
  frameP95Ms: 16.7,
  editorOpenAndLayoutMs: 1_000,
  noopRunsPerSecond: 1_000,
  listP99Ms: 20,
};

export function machineDescription(browserInfo) {
  const cpuList = cpus();

  return {
    cpu: `${cpuList[0]?.model ?? 'unknown CPU'} × ${cpuList.length}`,
    memory: `${formatNumber(totalmem() / 1024 ** 3, 1)} GiB`,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: browserInfo ? `${browserInfo.version} (${browserInfo.executablePath})` : 'not used',
    loadAverage: loadavg()
      .map((load) => formatNumber(load, 1))
      .join(', '),
  };
}

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);

  return lines.join('\n');
}

const ms = (value) => `${formatNumber(value, value < 100 ? 1 : 0)} ms`;

/** Returns the measured value of a part at the smallest and largest size, when both exist. */
function extremes(browser, pick) {
  const values = browser.map(pick).filter((value) => Number.isFinite(value));
  if (values.length < 2) return [Number.NaN, Number.NaN];

  return [values[0], values[values.length - 1]];
}

function ratioRow(label, browser, picks) {
  const cells = picks.map((pick) => {
    const [smallest, largest] = extremes(browser, pick);

    return formatRatio(largest, smallest);
  });

  return [label, ...cells];
}

function bundleSection(bundle) {
  if (!bundle) return '_Not measured._';
  const { entry, firstPage, routes } = bundle;
  const summary = table(
    ['What', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip'],
    [
      [
        `Entry (index.html's script and its static imports, ${entry.js.files} files)`,
        formatKilobytes(entry.js.raw),
        formatKilobytes(entry.js.gzip),
        formatKilobytes(entry.css.raw),
        formatKilobytes(entry.css.gzip),
      ],
      [
        `First page as loaded by Chromium (\`/\` → \`${firstPage.path}\`, ${firstPage.js.files} scripts)`,
        formatKilobytes(firstPage.js.raw),
        formatKilobytes(firstPage.js.gzip),
        formatKilobytes(firstPage.css.raw),
        formatKilobytes(firstPage.css.gzip),
      ],
    ],
  );
  const perRoute = table(
    ['Route chunk', 'Chunk raw', 'Chunk gzip', 'Added JS raw', 'Added JS gzip', 'Added CSS gzip'],
    routes.map((route) => [
      route.route,
      formatKilobytes(route.chunk.raw),
      formatKilobytes(route.chunk.gzip),
      formatKilobytes(route.js.raw),
      formatKilobytes(route.js.gzip),
      formatKilobytes(route.css.gzip),
    ]),
  );

  return [
    summary,
    '',
    '"Added" is what a route loads on top of the entry: its chunk and the chunks it imports',
    "statically (lazy chunks such as the editor's layout engine are not counted). Gzip is",
    'zlib at its default level, file by file.',
    '',
    perRoute,
  ].join('\n');
}

function baselineLine(baseline) {
  if (!baseline) return '';

  return (
    `Baseline: a plain 100,000 px scroller with no app on the page scrolls at p50 ` +
    `${ms(baseline.p50)}, p95 ${ms(baseline.p95)}, max ${ms(baseline.max)} per frame on this ` +
    'machine during this run: what the harness and the machine cost without any app work.'
  );
}

/**
 * Renders one row per measured size and a row of ratios between the largest and the smallest
 * size. Each column has a title, the figure it reads from a result (also used for the ratio)
 * and a `cell` formatter, milliseconds by default.
 */
function sizeTable(rows, sizeColumn, columns) {
  const header = [sizeColumn.title, ...columns.map((column) => column.title)];
  const body = rows.map((result) => [
    sizeColumn.cell(result),
    ...columns.map((column) => (column.cell ?? ((row) => ms(column.value(row))))(result)),
  ]);
  body.push(
    ratioRow(
      'ratio largest / smallest',
      rows,
      columns.map((column) => column.value),
    ),
  );

  return table(header, body);
}

const count = (value) => (result) => formatNumber(value(result));

function frameColumns(part, label) {
  return [
    { title: `${label} p50`, value: (result) => result[part].frames.p50 },
    { title: 'p95', value: (result) => result[part].frames.p95 },
    { title: 'max', value: (result) => result[part].frames.max },
  ];
}

function listSection(browser) {
  const rows = browser.filter((result) => result.list);
  if (rows.length === 0) return '_Not measured._';
  const loadedRows = (result) => result.list.loadedRows;
  const domNodes = (result) => result.list.domNodes;

  return sizeTable(rows, { title: 'Rows', cell: count((result) => result.size.rows) }, [
    { title: 'First rows', value: (result) => result.list.firstRowsMs },
    { title: 'All rows loaded', value: (result) => result.list.loadAllMs },
    { title: 'Loaded rows', value: loadedRows, cell: count(loadedRows) },
    { title: 'DOM nodes', value: domNodes, cell: count(domNodes) },
    ...frameColumns('list', 'Scroll frame'),
  ]);
}

function timelineSection(browser) {
  const rows = browser.filter((result) => result.timeline);
  if (rows.length === 0) return '_Not measured._';
  const domNodes = (result) => result.timeline.domNodes;

  return sizeTable(rows, { title: 'Entries', cell: count((result) => result.size.entries) }, [
    { title: 'First render', value: (result) => result.timeline.firstRenderMs },
    { title: 'DOM nodes', value: domNodes, cell: count(domNodes) },
    ...frameColumns('timeline', 'Scroll frame'),
  ]);
}

function layoutCell(editor) {
  if (!Number.isFinite(editor.layoutMs)) return 'no layout seen within 10 s';

  return `${ms(editor.layoutMs)}${editor.layoutMovedNodes ? '' : ' (positions unchanged)'}`;
}

function editorSection(browser) {
  const rows = browser.filter((result) => result.editor);
  if (rows.length === 0) return '_Not measured._';
  const renderedNodes = (result) => result.editor.renderedNodes;

  return sizeTable(rows, { title: 'Stages', cell: count((result) => result.size.stages) }, [
    { title: 'Open, in-app', value: (result) => result.editor.inAppOpenMs },
    { title: 'Open, cold page load', value: (result) => result.editor.coldOpenMs },
    {
      title: 'JS loaded by then',
      value: (result) => result.editor.coldScriptBytes,
      cell: ({ editor }) =>
        `${formatKilobytes(editor.coldScriptBytes)} in ${formatNumber(editor.coldScriptFiles)} files`,
    },
    {
      title: 'Auto-layout',
      value: (result) => result.editor.layoutMs,
      cell: ({ editor }) => layoutCell(editor),
    },
    { title: 'Rendered nodes', value: renderedNodes, cell: count(renderedNodes) },
    ...frameColumns('editor', 'Drag frame'),
  ]);
}

const serverLabels = {
  'noop-runs': 'noop runs, start to all terminated',
  'noop-cpu-per-run': 'noop runs: CPU time of the server process per run',
  'trigger-events': 'trigger evaluation, 10 filtered triggers',
  'list-first-p50': 'v2 list, first page, p50',
  'list-first-p99': 'v2 list, first page, p99',
  'list-random-p50': 'v2 list, page after a random instance (cursor), p50',
  'list-random-p99': 'v2 list, page after a random instance (cursor), p99',
  'list-running-p50': 'v2 list, running=true&pageSize=100, p50',
  'list-running-p99': 'v2 list, running=true&pageSize=100, p99',
  'list-workflow-p50': 'v2 list, workflowID filter, p50',
  'list-workflow-p99': 'v2 list, workflowID filter, p99',
  'rss-start': 'RSS at start',
  'rss-after-runs': 'RSS after the runs',
  'rss-after-events': 'RSS after the events',
  'rss-after-lists': 'RSS after the lists, with the larger list size in the database',
  'rss-peak': 'peak RSS (sampled)',
};

function formatServerValue(result) {
  if (!result) return '—';
  const decimals = result.unit === 'ms' ? 2 : 0;

  return `${formatNumber(result.value, decimals)} ${result.unit}`;
}

function serverSection(server) {
  if (!server) return '_Not measured._';
  const names = [...new Set(server.results.map((result) => result.name))];
  const body = names.map((name) => {
    const measured = server.results.filter((result) => result.name === name);
    const label = serverLabels[name] ?? name;
    if (measured.length === 1) return [label, '', formatServerValue(measured[0]), '', '', ''];
    const smallest = measured[0];
    const largest = measured[measured.length - 1];

    return [
      label,
      formatNumber(smallest.size),
      formatServerValue(smallest),
      formatNumber(largest.size),
      formatServerValue(largest),
      formatRatio(largest.value, smallest.value),
    ];
  });

  return table(
    ['Measure', 'Small size', 'Result', 'Large size', 'Result', 'Ratio large / small'],
    body,
  );
}

/** Compares a figure with its target; `higherIsBetter` flips the comparison. */
function verdict(value, target, { higherIsBetter = false, unit, format }) {
  if (!Number.isFinite(value)) return ['not measured', ''];
  const met = higherIsBetter ? value >= target : value <= target;
  if (met) return [format(value), 'met'];
  const gap = Math.abs(value - target);
  const percent = Math.round((gap / target) * 100);

  return [format(value), `missed by ${format(gap).replace(` ${unit}`, '')} ${unit} (${percent}%)`];
}

function largest(browser, part) {
  const rows = browser.filter((result) => result[part]);

  return rows[rows.length - 1];
}

function serverValue(server, name) {
  const measured = server?.results.filter((result) => result.name === name) ?? [];

  return measured[measured.length - 1];
}

function targetRows(report) {
  const { browser, server } = report;
  const bundle = browser.find((result) => result.bundle)?.bundle;
  const list = largest(browser, 'list');
  const timeline = largest(browser, 'timeline');
  const editor = largest(browser, 'editor');
  const noop = serverValue(server, 'noop-runs');
  const listP99 = (server?.results ?? [])
    .filter((result) => /^list-.*-p99$/.test(result.name))
    .filter((result) => result.size === Math.max(...server.results.map((r) => r.size ?? 0)));
  const worstListP99 = listP99.length
    ? Math.max(...listP99.map((result) => result.value))
    : Number.NaN;
  const kilobytes = (value) => formatKilobytes(value);
  const milliseconds = (value) => `${formatNumber(value, 1)} ms`;

  return [
    [
      'First page JS (gzip), as loaded by Chromium',
      '≤ 200 KB',
      ...verdict(bundle?.firstPage.js.gzip, targets.firstPageGzipBytes, {
        unit: 'KB',
        format: kilobytes,
      }),
    ],
    [
      'Entry chunk JS (gzip), without the first route',
      '≤ 200 KB',
      ...verdict(bundle?.entry.js.gzip, targets.firstPageGzipBytes, {
        unit: 'KB',
        format: kilobytes,
      }),
    ],
    [
      `Instances list scroll frames p95 at ${formatNumber(list?.size.rows)} rows`,
      '≤ 16.7 ms',
      ...verdict(list?.list.frames.p95, targets.frameP95Ms, { unit: 'ms', format: milliseconds }),
    ],
    [
      `Timeline scroll frames p95 at ${formatNumber(timeline?.size.entries)} entries`,
      '≤ 16.7 ms',
      ...verdict(timeline?.timeline.frames.p95, targets.frameP95Ms, {
        unit: 'ms',
        format: milliseconds,
      }),
    ],
    [
      `Editor open (in-app navigation from the workflow page) + auto-layout at ${formatNumber(editor?.size.stages)} stages`,
      '≤ 1 s',
      ...verdict(
        editor ? editor.editor.inAppOpenMs + editor.editor.layoutMs : Number.NaN,
        targets.editorOpenAndLayoutMs,
        { unit: 'ms', format: milliseconds },
      ),
    ],
    [
      `Editor open (cold page load) + auto-layout at ${formatNumber(editor?.size.stages)} stages`,
      '≤ 1 s',
      ...verdict(
        editor ? editor.editor.coldOpenMs + editor.editor.layoutMs : Number.NaN,
        targets.editorOpenAndLayoutMs,
        { unit: 'ms', format: milliseconds },
      ),
    ],
    [
      `Noop runs per second (${formatNumber(noop?.size)} runs)`,
      '≥ 1,000/s',
      ...verdict(noop?.value, targets.noopRunsPerSecond, {
        higherIsBetter: true,
        unit: 'runs/s',
        format: (value) => `${formatNumber(value)} runs/s`,
      }),
    ],
    [
      `v2 list p99, worst query at ${formatNumber(listP99[0]?.size)} instances`,
      '≤ 20 ms',
      ...verdict(worstListP99, targets.listP99Ms, { unit: 'ms', format: milliseconds }),
    ],
  ];
}

export function renderReport(report) {
  const { machine } = report;
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  const sections = [
    '# Benchmarks',
    '',
    `Written by \`${report.command}\` on ${report.date} in ${formatNumber(report.durationSeconds)} s.` +
      (report.quick ? ' Quick run: small sizes and one round, figures are not comparable.' : ''),
    '',
    '## Machine',
    '',
    table(
      ['CPU', 'Memory', 'OS', 'Node', 'Chromium', 'Load average at the end (1, 5, 15 min)'],
      [
        [
          machine.cpu,
          machine.memory,
          machine.os,
          machine.node,
          machine.chromium,
          machine.loadAverage,
        ],
      ],
    ),
    '',
    '## Targets',
    '',
    table(['Target', 'Limit', 'Measured', 'Verdict'], targetRows(report)),
    '',
    '## First page and route chunks',
    '',
    bundleSection(report.browser.find((result) => result.bundle)?.bundle),
    '',
    '## Browser',
    '',
    `Medians of ${report.rounds} round(s) in Chromium (headless, vsync and frame rate limit`,
    'off, so a frame lasts as long as its work), 1440×900. Frame times are',
    'requestAnimationFrame deltas while the page scrolls its list by 200 px per frame',
    '(back up at the end) or while a node is dragged. Ratios compare the largest size',
    'with the smallest.',
    '',
    baselineLine(report.baseline),
    '',
    '### Instances list',
    '',
    'Each size is a database with that many instances. "First rows" is from navigation',
    'to the first rows painted; "All rows loaded" scrolls (or presses "Load more") until',
    'the list responses carried every row. DOM nodes are counted in the whole document.',
    '',
    listSection(report.browser),
    '',
    '### Instance timeline',
    '',
    'One terminated instance with that many history entries (one noop stage each).',
    '"First render" is from navigation to the timeline painted.',
    '',
    timelineSection(report.browser),
    '',
    '### Workflow editor',
    '',
    'A workflow of that many stages of the five kinds. "Open, cold page load" is from',
    'navigation start (new browser context, empty cache) to the first frame that shows',
    'stage 1 on the canvas, so it includes downloading and evaluating the console.',
    '"JS loaded by then" is the uncompressed size and number of the script files that',
    "had arrived at that frame, which does not depend on the machine's load.",
    '"Open, in-app" is from a click on the workflow page\'s "Edit" link to that frame,',
    'with the console loaded, as a user coming from the workflow page. Stage 1 is then',
    'dragged sideways (the drag frames), and "Auto-layout" is from a click on the',
    "toolbar's button to the second frame after it, or to the end of its loader when it",
    'shows one. "Rendered nodes" is counted after that layout and the fit view that',
    'follows it, which shows the whole workflow.',
    '',
    editorSection(report.browser),
    '',
    '## Server',
    '',
    '`server/bench/server-bench.ts`: the server in-process on a temporary SQLite file,',
    'logs off; list requests go through Fastify `inject` (HTTP parsing, no socket),',
    'after 20 warm-up requests. See server/bench/README.md.',
    '',
    serverSection(report.server),
  ];
  if (report.errors.length > 0) {
    sections.push('', '## Failed measures', '', ...report.errors.map((error) => `- ${error}`));
  }
  if (notes) sections.push('', notes);

  return `${sections.join('\n')}\n`;
}

export function renderSummary(report) {
  const rows = targetRows(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [`Flowdeck benchmarks (${report.quick ? 'quick' : 'full'}), ${report.machine.cpu}`];
  for (const [name, limit, measured, status] of rows) {
    lines.push(`${name.padEnd(width)}  ${limit.padEnd(10)} ${measured.padEnd(16)} ${status}`);
  }
  for (const error of report.errors) lines.push(`failed: ${error}`);

  return lines.join('\n');
}
