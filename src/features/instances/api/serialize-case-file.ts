import type { CaseFile } from './case-file';

/** Stage histories serialized between two yields to the event loop. */
export const serializeChunkSize = 250;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Serializes a case file as `JSON.stringify(file, null, 2)` does, but in parts
 * for a `Blob`. The stage histories, which can number in the thousands, are
 * written a chunk at a time with a yield in between, so the page keeps
 * responding while a large file is written.
 */
export async function serializeCaseFile(file: CaseFile, signal?: AbortSignal): Promise<string[]> {
  const { stageHistories } = file;
  // NOTE: a placeholder marks where the histories go. Only a key or string value equal to it,
  // timestamp included, would break the output, which the tests compare with JSON.stringify.
  const marker = `"__stage_histories_${Date.now()}__"`;
  const outline = JSON.stringify(
    { ...file, stageHistories: JSON.parse(marker) as string },
    null,
    2,
  );
  const [head = '', tail = ''] = outline.split(marker);

  if (stageHistories.length === 0) return [head, '[]', tail];

  const parts: string[] = [head, '[\n'];

  for (let start = 0; start < stageHistories.length; start += serializeChunkSize) {
    signal?.throwIfAborted();
    const chunk = stageHistories.slice(start, start + serializeChunkSize).map(
      // Items of a top-level array sit two levels deep: four spaces of indentation.
      (entry) => `    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`,
    );
    const last = start + serializeChunkSize >= stageHistories.length;

    parts.push(chunk.join(',\n') + (last ? '\n  ]' : ',\n'));
    if (!last) await yieldToEventLoop();
  }

  parts.push(tail);

  return parts;
}
