import type { Clock } from '../clock';
import type { EventBus } from '../events/bus';
import type { InstanceService } from '../instances/instance-service';
import type { TriggerDispatcher } from '../triggers/trigger-dispatcher';
import type { TriggerService } from '../triggers/trigger-service';
import type { WorkflowService } from '../workflows/workflow-service';

/** Services used by the route handlers. */
export type ApiServices = {
  workflows: WorkflowService;
  instances: InstanceService;
  triggers: TriggerService;
  dispatcher: TriggerDispatcher;
  bus: EventBus;
  clock: Clock;
  version: string;
};
