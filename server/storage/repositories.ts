import { ActivitiesRepository } from './activities-repository';
import type { SqliteDatabase } from './database';
import { InstancesRepository } from './instances-repository';
import { OccurrencesRepository } from './occurrences-repository';
import { StagesRepository } from './stages-repository';
import { TriggerDeliveriesRepository } from './trigger-deliveries-repository';
import { TriggersRepository } from './triggers-repository';
import { WorkflowsRepository } from './workflows-repository';

/** All repositories over one database connection. */
export type Repositories = {
  workflows: WorkflowsRepository;
  instances: InstancesRepository;
  stages: StagesRepository;
  activities: ActivitiesRepository;
  triggers: TriggersRepository;
  occurrences: OccurrencesRepository;
  triggerDeliveries: TriggerDeliveriesRepository;
  /** Runs `work` in one SQLite transaction (a savepoint when nested). */
  transaction<T>(work: () => T): T;
};

export function createRepositories(db: SqliteDatabase): Repositories {
  return {
    workflows: new WorkflowsRepository(db),
    instances: new InstancesRepository(db),
    stages: new StagesRepository(db),
    activities: new ActivitiesRepository(db),
    triggers: new TriggersRepository(db),
    occurrences: new OccurrencesRepository(db),
    triggerDeliveries: new TriggerDeliveriesRepository(db),
    transaction: (work) => db.transaction(work)(),
  };
}
