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

/** How an event reached the bus. */
export type Delivery = {
  /**
   * True for events committed to a durable outbox (the embedded ledger's and
   * payments'): they may be delivered again after a crash, with the same
   * `idempotency_key`, and listeners must handle each key once.
   */
  durable: boolean;
};

export type EventListener = (event: BusEvent, delivery: Delivery) => void | Promise<void>;

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
   * it. Listener errors are logged. The promise rejects only for a durable
   * event that a listener failed to handle, so that its outbox keeps it.
   */
  publish(event: BusEvent, options: Delivery = { durable: false }): Promise<void> {
    const delivery = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        void this.deliver(event, options).then(resolve, reject);
      });
    });
    this.pending.add(delivery);
    const settled = () => this.pending.delete(delivery);
    void delivery.then(settled, settled);

    return delivery;
  }

  /** Waits until every event published so far (and the events they caused) is delivered. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  private async deliver(event: BusEvent, options: Delivery): Promise<void> {
    this.logger.debug({ type: event.type, key: event.idempotency_key }, 'event published');

    let failure: unknown;
    for (const listener of [...this.listeners]) {
      try {
        await listener(event, options);
      } catch (error) {
        this.logger.error({ err: error, type: event.type }, 'event listener failed');
        failure ??= error;
      }
    }
    if (options.durable && failure !== undefined) throw failure;
  }
}
