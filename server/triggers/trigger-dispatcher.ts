/**
 * Fires triggers on published events: a trigger matches when its `event`
 * equals the event type, its `version` (if set) equals the event version and
 * its filter (if any) evaluates to true on the payload. Each match evaluates
 * the trigger's vars, starts its workflow and records an occurrence.
 *
 * Durable events (from the ledger outbox) can be delivered again after a
 * crash: for them the instance, the occurrence and the "handled" mark of
 * (idempotency key, trigger) are written in one SQLite transaction, so each
 * matching trigger fires exactly once per event.
 */
import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import type { Trigger } from '@/lib/orchestration/schemas';

import type { Clock } from '../clock';
import type { Engine } from '../engine/engine';
import type { BusEvent, Delivery, EventBus } from '../events/bus';
import { orchestrationEvent } from '../events/orchestration-events';
import type { Repositories } from '../storage/repositories';
import { evaluateFilter, evaluateVariable } from './expressions';
import type { LinkResolver } from './local-links';

// Payments events are re-emitted on every update; these fire once per payload.id.
const deduplicatedTypes = new Set(['SAVED_PAYMENT', 'SAVED_ACCOUNT']);

function dedupKey(event: BusEvent): string | undefined {
  if (!deduplicatedTypes.has(event.type)) return undefined;

  const payload = event.payload;
  const id =
    payload !== null && typeof payload === 'object' ? (payload as { id?: unknown }).id : undefined;

  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export class TriggerDispatcher {
  // Events are handled one at a time, in publication order, although link()
  // makes evaluation asynchronous: the de-duplication check and the firing of
  // one event must not interleave with another's.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly repositories: Repositories,
    private readonly engine: Engine,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly link?: LinkResolver,
  ) {}

  /** Subscribes to the bus; returns the function that unsubscribes. */
  listen(): () => void {
    return this.bus.subscribe((event, delivery) => this.handle(event, delivery));
  }

  /** Returns the triggers that match the event (no side effects besides link() reads). */
  async match(event: BusEvent): Promise<Trigger[]> {
    const matched: Trigger[] = [];

    for (const trigger of this.repositories.triggers.listByEvent(event.type)) {
      if (trigger.version !== undefined && trigger.version !== event.version) continue;

      const filter = await evaluateFilter(trigger.filter, event.payload, this.link);
      if (filter.error !== undefined) {
        this.logger.warn(
          { triggerID: trigger.id, type: event.type, error: filter.error },
          'trigger filter failed to evaluate',
        );
      }
      if (filter.match) matched.push(trigger);
    }

    return matched;
  }

  /**
   * Fires every matching trigger once (per payload.id for de-duplicated types).
   * The promise rejects only when handling a durable event failed, so that the
   * event stays in its outbox; a non-durable event's failure is logged here.
   */
  handle(event: BusEvent, delivery: Delivery = { durable: false }): Promise<void> {
    const handled = this.queue.then(() => this.handleNow(event, delivery.durable));
    this.queue = handled.catch((error: unknown) => {
      if (!delivery.durable) {
        this.logger.error({ err: error, type: event.type }, 'trigger handling failed');
      }
    });

    return delivery.durable ? handled : this.queue;
  }

  private async handleNow(event: BusEvent, durable: boolean): Promise<void> {
    const key = dedupKey(event);

    for (const trigger of await this.match(event)) {
      if (durable && this.alreadyHandled(event, trigger)) continue;
      if (key !== undefined && this.repositories.occurrences.hasFired(trigger.id, key)) {
        this.logger.debug({ triggerID: trigger.id, payloadID: key }, 'trigger already fired');
        continue;
      }
      await this.fire(trigger, event, key, durable);
    }
  }

  private alreadyHandled(event: BusEvent, trigger: Trigger): boolean {
    if (!this.repositories.triggerDeliveries.handled(event.idempotency_key, trigger.id)) {
      return false;
    }
    this.logger.debug(
      { triggerID: trigger.id, key: event.idempotency_key },
      'event already handled by trigger',
    );

    return true;
  }

  private async fire(
    trigger: Trigger,
    event: BusEvent,
    key: string | undefined,
    durable: boolean,
  ): Promise<void> {
    const { repositories, clock } = this;
    const occurrence = { id: randomUUID(), triggerID: trigger.id, event, dedupKey: key };
    const variables: Record<string, string> = {};
    let error: string | undefined;

    for (const [name, expression] of Object.entries(trigger.vars ?? {})) {
      const result = await evaluateVariable(expression, event.payload, this.link);
      if ('error' in result) {
        error = `evaluating variable '${name}': ${result.error}`;
        break;
      }
      variables[name] = result.value;
    }

    const workflow = repositories.workflows.get(trigger.workflowID);
    if (error === undefined && workflow === undefined) error = 'workflow does not exists';

    // The claim, the instance row and the occurrence commit together: a crash
    // before the commit leaves the event to be handled again, one after it
    // leaves a claim that the next delivery sees.
    const claimed = () => {
      if (
        durable &&
        !repositories.triggerDeliveries.claim(event.idempotency_key, trigger.id, occurrence.id)
      ) {
        this.logger.debug(
          { triggerID: trigger.id, key: event.idempotency_key },
          'event already handled by trigger',
        );

        return false;
      }
      // The vars' link() reads were asynchronous: check the de-duplication key again.
      return key === undefined || !repositories.occurrences.hasFired(trigger.id, key);
    };

    if (error !== undefined || workflow === undefined) {
      const recorded = repositories.transaction(() => {
        if (!claimed()) return false;
        repositories.occurrences.insert({ ...occurrence, date: clock.now().toISOString(), error });

        return true;
      });
      if (!recorded) return;
      this.logger.warn(
        { triggerID: trigger.id, occurrenceID: occurrence.id, error },
        'trigger failed',
      );
      this.publish('FAILED_TRIGGER', { id: occurrence.id, triggerID: trigger.id, error });

      return;
    }

    // engine.start inserts the instance row synchronously, so it commits with the
    // claim and the occurrence. The runner's asynchronous steps run after the commit.
    const instance = repositories.transaction(() => {
      if (!claimed()) return undefined;
      const started = this.engine.start(workflow, variables);
      repositories.occurrences.insert({
        ...occurrence,
        date: clock.now().toISOString(),
        workflowInstanceID: started.id,
      });

      return started;
    });
    if (instance === undefined) return;
    this.logger.info(
      { triggerID: trigger.id, occurrenceID: occurrence.id, instanceID: instance.id },
      'trigger fired',
    );
    this.publish('SUCCEEDED_TRIGGER', {
      id: occurrence.id,
      triggerID: trigger.id,
      workflowInstanceID: instance.id,
    });
  }

  private publish(type: 'SUCCEEDED_TRIGGER' | 'FAILED_TRIGGER', payload: Record<string, unknown>) {
    void this.bus.publish(orchestrationEvent(type, payload, this.clock.now()));
  }
}
