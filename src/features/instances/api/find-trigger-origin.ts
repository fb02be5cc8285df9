import { apiRequest, pathSegment } from '@/lib/api-client';
import {
  cursorSchema,
  dataSchema,
  triggerOccurrenceSchema,
  triggerSchema,
} from '@/lib/orchestration/schemas';
import type { CursorPage, Instance, Trigger, TriggerOccurrence } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

import type { TriggerOrigin } from './case-file';

/**
 * Pages read per list (triggers, then each trigger's occurrences), at the
 * API's maximum page size of 100. The search reports `complete: false` when
 * it stops at this limit.
 */
export const maxSearchPages = 20;
const pageSize = 100;

const triggerPageSchema = cursorSchema(triggerSchema);
const occurrencePageSchema = cursorSchema(triggerOccurrenceSchema);
const triggerListSchema = dataSchema(triggerSchema.array());
const occurrenceListSchema = dataSchema(triggerOccurrenceSchema.array());

/**
 * Number of triggers a v1 list returns at most: the Flows server cuts the v1
 * trigger list there and has no cursor, so a full list may be incomplete.
 */
const v1TriggerListLimit = 15;

/** Reads up to `maxSearchPages` pages; stops early when `found` returns a value. */
async function searchPages<T, R>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  found: (items: T[]) => R | undefined,
): Promise<{ result?: R; items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;

  for (let page = 0; page < maxSearchPages; page += 1) {
    const body = await fetchPage(cursor);
    items.push(...body.data);

    const result = found(body.data);
    if (result !== undefined) return { result, items, complete: true };
    if (!body.hasMore || !body.next) return { items, complete: true };

    cursor = body.next;
  }

  return { items, complete: false };
}

/**
 * Finds the trigger occurrence that started `instance`: lists the triggers
 * (v2 has no workflow filter), keeps those of the instance's workflow, and
 * searches their occurrences for the instance id. Deleted triggers are not
 * listed, so their occurrences cannot be found.
 */
export async function findTriggerOrigin(
  instance: Instance,
  signal?: AbortSignal,
  version: ApiVersion = 'v2',
): Promise<TriggerOrigin> {
  if (version === 'v1') return findV1TriggerOrigin(instance, signal);

  try {
    const triggers = await searchPages<Trigger, never>(
      async (cursor) =>
        (
          await apiRequest('/v2/triggers', {
            query: cursor ? { cursor } : { pageSize },
            schema: triggerPageSchema,
            operation: 'v2ListTriggers',
            signal,
          })
        ).cursor,
      () => undefined,
    );
    const candidates = triggers.items.filter((item) => item.workflowID === instance.workflowID);
    let complete = triggers.complete;

    for (const trigger of candidates) {
      const path = `/v2/triggers/${pathSegment(trigger.id)}/occurrences`;
      const search = await searchPages(
        async (cursor) =>
          (
            await apiRequest(path, {
              query: cursor ? { cursor } : { pageSize },
              schema: occurrencePageSchema,
              operation: 'v2ListTriggersOccurrences',
              signal,
            })
          ).cursor,
        (occurrences) => occurrences.find((item) => item.workflowInstanceID === instance.id),
      );

      if (search.result) return { status: 'found', trigger, occurrence: search.result };
      complete &&= search.complete;
    }

    return { status: 'not-found', triggersSearched: candidates.length, complete };
  } catch (error) {
    if (signal?.aborted) throw error;

    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** v1 variant of `findTriggerOrigin`: one request per list, as v1 lists have no cursor. */
async function findV1TriggerOrigin(
  instance: Instance,
  signal?: AbortSignal,
): Promise<TriggerOrigin> {
  try {
    const triggers = await apiRequest('/triggers', {
      schema: triggerListSchema,
      operation: 'listTriggers',
      signal,
    });
    const candidates = triggers.data.filter((item) => item.workflowID === instance.workflowID);

    for (const trigger of candidates) {
      const occurrences = await apiRequest(`/triggers/${pathSegment(trigger.id)}/occurrences`, {
        schema: occurrenceListSchema,
        operation: 'listTriggersOccurrences',
        signal,
      });
      const occurrence: TriggerOccurrence | undefined = occurrences.data.find(
        (item) => item.workflowInstanceID === instance.id,
      );

      if (occurrence) return { status: 'found', trigger, occurrence };
    }

    return {
      status: 'not-found',
      triggersSearched: candidates.length,
      complete: triggers.data.length < v1TriggerListLimit,
    };
  } catch (error) {
    if (signal?.aborted) throw error;

    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
