import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type {
  CursorPage,
  Trigger,
  TriggerOccurrence,
  TriggerTest,
} from '@/lib/orchestration/schemas';

import type { Clock } from '../clock';
import { notFoundError, validationError } from '../http/api-error';
import { pageWindow, toCursorPage, type PageRequest } from '../http/pagination';
import type { Repositories } from '../storage/repositories';
import { compileError, evaluateFilter, evaluateVariable } from './expressions';
import type { LinkResolver } from './local-links';

const optionalText = (field: string) =>
  z.string({ error: `${field}: expected a string` }).nullish();

const createTriggerBody = z.object(
  {
    event: optionalText('event'),
    workflowID: optionalText('workflowID'),
    name: optionalText('name'),
    filter: optionalText('filter'),
    version: optionalText('version'),
    vars: z
      .record(z.string(), z.string({ error: 'vars: every value must be a string expression' }), {
        error: 'vars: expected an object of expressions',
      })
      .nullish(),
  },
  { error: 'expected a JSON object' },
);

export class TriggerService {
  constructor(
    private readonly repositories: Repositories,
    private readonly clock: Clock,
    private readonly link?: LinkResolver,
  ) {}

  /** Creates a trigger after checking its fields, its expressions and its workflow. */
  create(body: unknown): Trigger {
    const parsed = createTriggerBody.safeParse(body);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      throw validationError(`validating data: ${reason}`);
    }

    const data = parsed.data;
    if (!data.event) throw validationError('validating data: missing event');
    if (!data.workflowID) throw validationError('validating data: missing workflow id');

    const expressions = [data.filter ?? '', ...Object.values(data.vars ?? {})];
    for (const expression of expressions.filter((source) => source !== '')) {
      const error = compileError(expression);
      if (error !== undefined) throw validationError(`validating data: ${error}`);
    }

    const workflow = this.repositories.workflows.get(data.workflowID);
    if (workflow === undefined || workflow.deletedAt !== undefined) {
      throw notFoundError('workflow does not exists');
    }

    return this.repositories.triggers.insert({
      id: randomUUID(),
      name: data.name ?? '',
      event: data.event,
      version: data.version ?? undefined,
      workflowID: data.workflowID,
      filter: data.filter ?? undefined,
      vars: data.vars ?? undefined,
      createdAt: this.clock.now().toISOString(),
    });
  }

  read(id: string): Trigger {
    const trigger = this.repositories.triggers.get(id);
    if (trigger === undefined) throw notFoundError(`trigger ${id} not found`);

    return trigger;
  }

  /** Lists triggers; the `name` filter is a case-insensitive substring match. */
  listPage(request: PageRequest): CursorPage<Trigger> {
    const rows = this.repositories.triggers.list(nameFilter(request.filters), pageWindow(request));

    return toCursorPage(rows, request);
  }

  /** v1 list: only the first page (15 by default, at most 100), without a cursor. */
  listFirst(pageSize: number, filters: Record<string, string>): Trigger[] {
    return this.repositories.triggers.list(nameFilter(filters), { offset: 0, limit: pageSize });
  }

  delete(id: string): void {
    const deleted = this.repositories.triggers.softDelete(id, this.clock.now().toISOString());
    if (!deleted) throw notFoundError(`trigger ${id} not found`);
  }

  /** Lists occurrences; an unknown trigger has none. */
  occurrencesPage(triggerID: string, request: PageRequest): CursorPage<TriggerOccurrence> {
    return toCursorPage(
      this.repositories.occurrences.list(triggerID, pageWindow(request)),
      request,
    );
  }

  occurrencesAll(triggerID: string): TriggerOccurrence[] {
    return this.repositories.occurrences.list(triggerID);
  }

  /**
   * Evaluates the trigger against an event payload without side effects.
   * `filter` is present when the trigger has one; `variables` when the
   * trigger has vars and the filter matched (or there is none). Absent parts
   * are omitted, never null. link() calls read this server's resources.
   */
  async test(id: string, payload: unknown): Promise<TriggerTest> {
    const trigger = this.read(id);
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw validationError('invalid request body: expected the event payload as a JSON object');
    }

    const result: TriggerTest = {};
    let matched = true;
    if (trigger.filter !== undefined) {
      const filter = await evaluateFilter(trigger.filter, payload, this.link);
      result.filter = filter.error === undefined ? { match: filter.match } : filter;
      matched = filter.match;
    }

    if (matched && trigger.vars !== undefined) {
      const variables: NonNullable<TriggerTest['variables']> = {};
      for (const [name, expression] of Object.entries(trigger.vars)) {
        const variable = await evaluateVariable(expression, payload, this.link);
        variables[name] =
          'error' in variable
            ? { error: variable.error }
            : variable.value === ''
              ? {}
              : { value: variable.value };
      }
      result.variables = variables;
    }

    return result;
  }
}

function nameFilter(filters: Record<string, string>): { name?: string } {
  return { name: filters.name || undefined };
}
