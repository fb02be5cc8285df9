import type { Logger } from 'pino';

/** An event as published on the bus, in the shape of Formance's event envelopes. */
export type BusEvent = {
  type: string;
  version: string;
  app: string;
  /** RFC 3339 date. */
  date: string;
  idempotency_key: string;
  payload: unknown;
};

export type EventListener = (event: BusEvent) => void | Promise<void>;

/**
 * In-process event bus. Listeners run after the publisher's current task (on a
 * `setImmediate` turn), in publication order, so that a listener starting a
 * workflow never runs inside the transaction or request that published.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  /**
   * Publishes an event; the promise resolves once every listener has handled
   * it. It never rejects: listener errors are logged.
   */
  publish(event: BusEvent): Promise<void> {
    const delivery = new Promise<void>((resolve) => {
      setImmediate(() => {
        void this.deliver(event).then(resolve);
      });
    });
    this.pending.add(delivery);
    void delivery.then(() => this.pending.delete(delivery));

    return delivery;
  }

  /** Waits until every event published so far (and the events they caused) is delivered. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  private async deliver(event: BusEvent): Promise<void> {
    this.logger.debug({ type: event.type, key: event.idempotency_key }, 'event published');

    for (const listener of [...this.listeners]) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error({ err: error, type: event.type }, 'event listener failed');
      }
    }
  }
}
