/**
 * Unsaved editor work kept in localStorage, one draft per workflow being
 * edited (or one for a new workflow), so that a closed tab can be restored.
 */
import { z } from 'zod';

import { readConfigValue } from './document';
import type { EditorConfig } from './document';

export type Draft = {
  /** ISO date of the last write. */
  savedAt: string;
  config: EditorConfig;
};

const storedDraftSchema = z.object({ savedAt: z.string(), config: z.unknown() });

const keyPrefix = 'flowdeck:editor-draft:';

/** Storage key of the draft for a workflow id, or for a new workflow when `workflowId` is undefined. */
export function draftKey(workflowId: string | undefined): string {
  return `${keyPrefix}${workflowId ?? 'new'}`;
}

function defaultStorage(): Storage | undefined {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}

/** Writes a draft; returns false when storage is missing or full. */
export function saveDraft(
  key: string,
  config: EditorConfig,
  now: Date = new Date(),
  storage: Storage | undefined = defaultStorage(),
): boolean {
  if (!storage) return false;

  try {
    storage.setItem(key, JSON.stringify({ savedAt: now.toISOString(), config }));

    return true;
  } catch {
    // QuotaExceededError: the draft is lost but editing goes on.
    return false;
  }
}

/** Reads a draft; a missing, unreadable or malformed entry gives `undefined`. */
export function loadDraft(
  key: string,
  storage: Storage | undefined = defaultStorage(),
): Draft | undefined {
  const text = storage?.getItem(key);
  if (!text) return undefined;

  try {
    const stored = storedDraftSchema.safeParse(JSON.parse(text));
    if (!stored.success) return undefined;

    const config = readConfigValue(stored.data.config);

    return config.ok ? { savedAt: stored.data.savedAt, config: config.config } : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string, storage: Storage | undefined = defaultStorage()): void {
  storage?.removeItem(key);
}
