// Builds the console with Vite's API into a folder of its own and records the
// chunk graph (entry, static imports, imported CSS), so that sizes can be
// summed per route: a route loads its chunk plus everything it imports statically.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

import { decode } from '@jridgewell/sourcemap-codec';
import { build } from 'vite';

/** Builds into `outDir` and returns the chunk graph, keyed by output file name. */
export async function buildConsole(root, outDir) {
  const chunks = new Map();
  const recordChunks = {
    name: 'flowdeck-bench-chunk-graph',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(output.fileName, {
          fileName: output.fileName,
          isEntry: output.isEntry,
          facade: output.facadeModuleId ? relative(root, output.facadeModuleId) : undefined,
          imports: output.imports,
          css: [...(output.viteMetadata?.importedCss ?? [])],
        });
      }
    },
  };
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [recordChunks],
  });

  return chunks;
}

/** Returns the raw and gzip size (default zlib level, as a server would send it) of one file. */
export function fileSize(outDir, fileName) {
  const content = readFileSync(join(outDir, fileName));

  return { raw: content.length, gzip: gzipSync(content).length };
}

/** Returns the chunk and every chunk it imports statically, transitively. */
export function staticClosure(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const imported of chunks.get(fileName)?.imports ?? []) staticClosure(chunks, imported, seen);

  return seen;
}

function sumSizes(outDir, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = fileSize(outDir, file);
    raw += size.raw;
    gzip += size.gzip;
  }

  return { raw, gzip, files: files.length };
}

function cssOf(chunks, files) {
  const css = new Set();
  for (const file of files) for (const sheet of chunks.get(file)?.css ?? []) css.add(sheet);

  return [...css];
}

/**
 * Sums the sizes of the entry (what index.html loads) and, for each route
 * chunk (a facade module under src/app/routes), of what the route adds on top
 * of the entry: its own chunk and the chunks it imports statically.
 */
export function routeSizes(chunks, outDir) {
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The build has no entry chunk.');
  const entryFiles = staticClosure(chunks, entry.fileName);
  const entryJs = [...entryFiles];
  const entryCss = cssOf(chunks, entryJs);

  const routes = [];
  for (const chunk of chunks.values()) {
    if (!chunk.facade?.startsWith('src/app/routes/')) continue;
    const added = [...staticClosure(chunks, chunk.fileName)].filter(
      (file) => !entryFiles.has(file),
    );
    const addedCss = cssOf(chunks, added).filter((sheet) => !entryCss.includes(sheet));
    routes.push({
      route: chunk.facade.replace('src/app/routes/', '').replace(/\.tsx?$/, ''),
      chunk: fileSize(outDir, chunk.fileName),
      js: sumSizes(outDir, added),
      css: sumSizes(outDir, addedCss),
    });
  }
  routes.sort((a, b) => a.route.localeCompare(b.route));

  return {
    entry: { js: sumSizes(outDir, entryJs), css: sumSizes(outDir, entryCss), file: entry.fileName },
    routes,
  };
}

/** Sums the sizes of files (URLs or paths ending in an asset name) that exist in `outDir`. */
export function loadedSizes(outDir, urls) {
  const files = [...new Set(urls.map((url) => new URL(url).pathname.replace(/^\//, '')))];

  return sumSizes(outDir, files);
}

/**
 * Splits a built chunk by source package with its source map: each generated
 * segment counts for the package (or src/ folder) it maps to. Returns the
 * largest parts first, with raw and gzip sizes of their minified code. The
 * gzip size of a part alone is an estimate, because the whole file compresses better.
 */
export function chunkComposition(outDir, fileName, limit = 12) {
  const code = readFileSync(join(outDir, fileName), 'utf8');
  const map = JSON.parse(readFileSync(join(outDir, `${fileName}.map`), 'utf8'));
  const lines = code.split('\n');
  const partsBySource = new Map();
  decode(map.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    segments.forEach((segment, index) => {
      if (segment.length < 2) return;
      const end = segments[index + 1]?.[0] ?? line.length;
      const source = map.sources[segment[1]] ?? '';
      const name = sourceGroup(source);
      partsBySource.set(name, (partsBySource.get(name) ?? '') + line.slice(segment[0], end));
    });
  });

  return [...partsBySource]
    .map(([name, text]) => ({ name, raw: text.length, gzip: gzipSync(text).length }))
    .sort((a, b) => b.raw - a.raw)
    .slice(0, limit);
}

/** Names a source file by its npm package, or by its first two folders under src/. */
function sourceGroup(source) {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const local = /\/?src\/(.*)$/.exec(source);
  if (!local) return source;
  const folders = local[1].split('/');

  return `src/${folders.slice(0, Math.min(2, folders.length - 1)).join('/') || folders[0]}`;
}
