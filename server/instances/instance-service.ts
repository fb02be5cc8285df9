import type {
  CursorPage,
  Instance,
  InstanceHistory,
  StageHistory,
  Workflow,
} from '@/lib/orchestration/schemas';
import { runVariablesSchema, sendEventSchema } from '@/lib/orchestration/schemas';

import type { Engine } from '../engine/engine';
import { notFoundError, validationError } from '../http/api-error';
import { pageWindow, toCursorPage, type PageRequest } from '../http/pagination';
import { toStageHistory } from '../storage/activities-repository';
import {
  toApiInstance,
  type InstanceFilter,
  type InstanceRecord,
} from '../storage/instances-repository';
import type { Repositories } from '../storage/repositories';
import { toInstanceHistory, toStageStatus } from '../storage/stages-repository';

export type InstanceServiceOptions = {
  /** Maximum time `runWorkflow?wait=true` blocks before returning a still-running instance. */
  waitCapMs: number;
};

export class InstanceService {
  constructor(
    private readonly repositories: Repositories,
    private readonly engine: Engine,
    private readonly options: InstanceServiceOptions,
  ) {}

  /** Starts an instance; with `wait`, returns it once ended (or when the wait cap passes). */
  async run(workflowID: string, body: unknown, wait: boolean): Promise<Instance> {
    const variables = runVariablesSchema.safeParse(body ?? {});
    if (!variables.success) {
      throw validationError('invalid request body: variables must be a JSON object of strings');
    }

    const workflow = this.repositories.workflows.get(workflowID);
    if (workflow === undefined) throw notFoundError(`workflow ${workflowID} not found`);

    const instance = this.engine.start(workflow, variables.data);
    if (!wait) return toApiInstance(instance);

    await this.engine.waitForEnd(instance.id, this.options.waitCapMs);

    return this.get(instance.id);
  }

  /** Returns an instance with its stage statuses and its workflow. */
  get(id: string): Instance {
    const record = this.findInstance(id);
    const status = this.repositories.stages.list(id).map(toStageStatus);

    return {
      ...toApiInstance(record),
      status: status.length > 0 ? status : undefined,
      workflow: this.repositories.workflows.get(record.workflowID),
    };
  }

  listPage(request: PageRequest): CursorPage<Instance> {
    const records = this.repositories.instances.list(
      toFilter(request.filters),
      pageWindow(request),
    );

    return toCursorPage(this.withWorkflows(records), request);
  }

  listAll(filters: Record<string, string>): Instance[] {
    return this.withWorkflows(this.repositories.instances.list(toFilter(filters)));
  }

  /** Sends an event to the instance's running stage; only a waiting wait_event stage uses it. */
  sendEvent(id: string, body: unknown): void {
    const event = sendEventSchema.safeParse(body);
    if (!event.success) throw validationError('invalid request body: expected {"name": "<event>"}');

    const record = this.findInstance(id);
    if (record.terminated) throw validationError(`instance ${id} is terminated`);

    const stage = this.repositories.stages.last(id);
    if (stage === undefined || stage.terminatedAt !== undefined) {
      throw validationError(`instance ${id} has no running stage`);
    }

    this.engine.sendEvent(id, event.data.name);
  }

  /** Cancels a running instance; a terminated one is rejected with 400. */
  async abort(id: string): Promise<void> {
    const record = this.findInstance(id);
    if (record.terminated) throw validationError(`instance ${id} is already terminated`);

    await this.engine.abort(id);
  }

  history(id: string): InstanceHistory[] {
    this.findInstance(id);

    return this.repositories.stages.list(id).map(toInstanceHistory);
  }

  stageHistory(id: string, stageNumber: string): StageHistory[] {
    if (!/^\d+$/.test(stageNumber)) {
      throw notFoundError(`invalid stage number '${stageNumber}': expected an integer from 0`);
    }

    this.findInstance(id);
    const stage = Number(stageNumber);
    if (this.repositories.stages.get(id, stage) === undefined) {
      throw notFoundError(`stage ${stage} of instance ${id} not found`);
    }

    return this.repositories.activities.list(id, stage).map(toStageHistory);
  }

  private findInstance(id: string): InstanceRecord {
    const record = this.repositories.instances.get(id);
    if (record === undefined) throw notFoundError(`instance ${id} not found`);

    return record;
  }

  /** Embeds each instance's workflow, as the list endpoints do (never `status`). */
  private withWorkflows(records: InstanceRecord[]): Instance[] {
    const workflows = new Map<string, Workflow | undefined>();

    return records.map((record) => {
      if (!workflows.has(record.workflowID)) {
        workflows.set(record.workflowID, this.repositories.workflows.get(record.workflowID));
      }

      return { ...toApiInstance(record), workflow: workflows.get(record.workflowID) };
    });
  }
}

/** `running=true` or `1` keeps only instances that are not terminated; other values don't filter. */
function toFilter(filters: Record<string, string>): InstanceFilter {
  return {
    workflowID: filters.workflowID || undefined,
    runningOnly: filters.running === 'true' || filters.running === '1',
  };
}
