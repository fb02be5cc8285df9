import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { CursorPage, Workflow } from '@/lib/orchestration/schemas';
import { formatFieldErrors, validateWorkflowStages } from '@/lib/orchestration/stage-config';

import type { Clock } from '../clock';
import { notFoundError, validationError } from '../http/api-error';
import { pageWindow, toCursorPage, type PageRequest } from '../http/pagination';
import type { WorkflowsRepository } from '../storage/workflows-repository';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

const createWorkflowBody = z.object({
  name: z.string({ error: 'name: expected a string' }).nullish(),
  stages: z.unknown().optional(),
});

export class WorkflowService {
  constructor(
    private readonly workflows: WorkflowsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a workflow from a JSON or YAML body. An invalid definition is
   * rejected with 400 VALIDATION `creating workflow: …` (the real server
   * returns 500 INTERNAL with the same prefix).
   */
  create(body: unknown): Workflow {
    const parsed = createWorkflowBody.safeParse(body);
    if (!parsed.success) {
      const reason =
        body === null || typeof body !== 'object' || Array.isArray(body)
          ? 'expected a JSON object with "stages"'
          : parsed.error.issues.map((issue) => issue.message).join('; ');
      throw validationError(`creating workflow: ${reason}`);
    }

    const errors = validateWorkflowStages(parsed.data.stages);
    if (errors.length > 0) {
      throw validationError(`creating workflow: ${formatFieldErrors(errors, ['stages'])}`);
    }

    const stages = (parsed.data.stages ?? []) as Record<string, unknown>[];

    return this.workflows.insert({
      id: randomUUID(),
      config: { name: parsed.data.name ?? '', stages },
      createdAt: this.clock.now().toISOString(),
    });
  }

  /** Returns a workflow, including a soft-deleted one (as the real server does). */
  get(id: string): Workflow {
    const workflow = this.workflows.get(id);
    if (workflow === undefined) throw notFoundError(`workflow ${id} not found`);

    return workflow;
  }

  listPage(request: PageRequest): CursorPage<Workflow> {
    return toCursorPage(this.workflows.list(pageWindow(request)), request);
  }

  listAll(): Workflow[] {
    return this.workflows.list();
  }

  /** Soft-deletes a workflow; deleting it again succeeds and keeps the first date. */
  delete(id: string): void {
    if (!isUuid(id)) throw validationError(`invalid workflow id '${id}': expected a UUID`);
    if (this.workflows.get(id) === undefined) throw notFoundError(`workflow ${id} not found`);

    this.workflows.softDelete(id, this.clock.now().toISOString());
  }
}
