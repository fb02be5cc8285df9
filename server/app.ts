import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { pino, type Logger, type LoggerOptions } from 'pino';

import { registerLocalEventRoutes } from './api/local/events';
import type { ApiServices } from './api/services';
import { registerV1Routes } from './api/v1/routes';
import { registerV2Routes } from './api/v2/routes';
import { registerAccessControl } from './auth/access-control';
import { registerStackMode, tokenPath, type StackModeOptions } from './auth/stack-mode';
import { systemClock, type Clock } from './clock';
import type { AccessControlConfig, FlowdeckConfig } from './connections/config';
import { ConnectionRegistry } from './connections/connection-registry';
import { registerConnectionRoutes } from './connections/routes';
import { defaultRetryPolicy, type RetryPolicy } from './engine/activities';
import { Engine } from './engine/engine';
import type { StageExecutorRegistry } from './engine/stage-executors';
import { EventBus } from './events/bus';
import { registerTriggerSuiteRoutes } from './flowdeck/trigger-suites';
import { registerBodyParsers } from './http/body-parsers';
import { registerErrorHandlers, sendFrameworkError } from './http/error-handlers';
import { registerHostCheck, registerSecurityHeaders } from './http/security-headers';
import { InstanceService } from './instances/instance-service';
import { createLedgerStageExecutors } from './ledger/ledger-executors';
import { registerLedgerRoutes } from './ledger/routes';
import { createLedgerServices, type LedgerServices } from './ledger/services';
import { openDatabase, type SqliteDatabase } from './storage/database';
import { createRepositories, type Repositories } from './storage/repositories';
import { LocalLinkResolver } from './triggers/local-links';
import { TriggerDispatcher } from './triggers/trigger-dispatcher';
import { TriggerService } from './triggers/trigger-service';
import { WorkflowService } from './workflows/workflow-service';

export type ServerOptions = {
  /** SQLite database file; created with its schema when missing. */
  databaseFile: string;
  /** pino options, or `false` for no logs. Default: info level to stdout. */
  logger?: LoggerOptions | false;
  /** Time source; tests shift it to expire delays. */
  clock?: Clock;
  /** Folder of the built console, served at `/` with index.html as the fallback. */
  staticDir?: string;
  /** Maximum wait of `runWorkflow?wait=true`, in ms. Default 30 s. */
  waitCapMs?: number;
  /** Backoff of retryable activities. Default 1 s doubling up to 100 s. */
  retry?: Partial<RetryPolicy>;
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Builds the send/update executors; default: the embedded ledger's. */
  stageExecutors?: (dependencies: StageExecutorDependencies) => StageExecutorRegistry;
  /** Version reported by the `_info` endpoints. Default "develop", like the real server. */
  version?: string;
  /** Name and read-only flag of the embedded server, and the remote stacks. Default: local only. */
  connections?: Partial<Pick<FlowdeckConfig, 'local' | 'remotes'>>;
  /** Shared token and/or basic-auth user required on every request. Default: none. */
  accessControl?: AccessControlConfig;
  /** Plays a secured Formance stack: token endpoint and bearer checks. Default: off. */
  stackMode?: StackModeOptions;
  /** Host names accepted in the `Host` header; default: any. */
  allowedHosts?: readonly string[];
};

/** Log fields that may hold credentials; pino replaces their values. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'clientSecret',
  '*.clientSecret',
  '*.*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
];

export type StageExecutorDependencies = {
  db: SqliteDatabase;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
};

/** The server's components, reachable as `app.flowdeck` (for main.ts, the seed and tests). */
export type FlowdeckRuntime = {
  db: SqliteDatabase;
  /** True when this start created the database schema. */
  databaseCreated: boolean;
  repositories: Repositories;
  /** The embedded ledger, wallets and payments that send and update stages use. */
  ledger: LedgerServices;
  bus: EventBus;
  engine: Engine;
  services: ApiServices;
  clock: Clock;
  logger: Logger;
};

declare module 'fastify' {
  interface FastifyInstance {
    flowdeck: FlowdeckRuntime;
  }
}

/** Logs each request once, at debug level: the console polls, so info would flood the log. */
class DebugRequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    _error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const { method, url } = request;
    const { statusCode, elapsedTime } = reply;
    request.log.debug({ method, url, statusCode, ms: elapsedTime }, 'request completed');
  }
}

/**
 * Builds the local orchestration server: the Formance Orchestration v1/v2 API
 * under /api/orchestration, Flowdeck's /api/local endpoints, /_healthcheck
 * and, with `staticDir`, the console. Running instances resume when the
 * server is ready; closing it stops them (they resume on the next start) and
 * closes the database.
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const logger =
    options.logger === false
      ? pino({ enabled: false })
      : pino({ ...options.logger, redact: { paths: redactedLogPaths, censor: '[redacted]' } });
  const bodyLimit = options.bodyLimit ?? 1_048_576;
  const clock = options.clock ?? systemClock;
  const { db, created } = openDatabase(options.databaseFile);
  const repositories = createRepositories(db);
  const bus = new EventBus(logger);
  // Ledger and payments events stay in the outbox until the triggers have handled them, and
  // are delivered only once running instances have resumed (onReady below).
  const ledger = createLedgerServices(db, {
    onEvent: (event) => bus.publish(event, { durable: true }),
    clock: () => clock.now(),
    logger: logger.child({ module: 'ledger' }),
    deferEvents: true,
  });
  const buildExecutors = options.stageExecutors ?? (() => createLedgerStageExecutors(ledger));
  const engine = new Engine({
    db,
    repositories,
    bus,
    clock,
    logger,
    retry: { ...defaultRetryPolicy, ...options.retry },
    executors: buildExecutors({ db, bus, clock, logger }),
  });
  // link() in trigger expressions reads this server's own resources; the app is attached below.
  const links = new LocalLinkResolver();
  const dispatcher = new TriggerDispatcher(repositories, engine, bus, clock, logger, links.resolve);
  const services: ApiServices = {
    workflows: new WorkflowService(repositories.workflows, clock),
    instances: new InstanceService(repositories, engine, {
      waitCapMs: options.waitCapMs ?? 30_000,
    }),
    triggers: new TriggerService(repositories, clock, links.resolve),
    dispatcher,
    bus,
    clock,
    version: options.version ?? 'develop',
  };

  // Typed with Fastify's base logger so that route modules take a plain FastifyInstance.
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit,
    logController: new DebugRequestLogController(),
    frameworkErrors: sendFrameworkError,
    // Ledger account addresses in paths can be long; the default limit is 100 characters.
    routerOptions: { maxParamLength: 1_000 },
  }) as unknown as FastifyInstance;
  links.attach(app);
  app.decorate('flowdeck', {
    db,
    databaseCreated: created,
    repositories,
    ledger,
    bus,
    engine,
    services,
    clock,
    logger,
  });

  registerBodyParsers(app);
  registerErrorHandlers(app, { bodyLimit, spaFallback: options.staticDir !== undefined });
  registerSecurityHeaders(app);
  if (options.allowedHosts !== undefined) registerHostCheck(app, options.allowedHosts);
  const stackMode = options.stackMode;
  // In stack mode the orchestration API and the token endpoint have their own authentication.
  registerAccessControl(
    app,
    options.accessControl ?? {},
    (path) =>
      stackMode !== undefined && (path === tokenPath || path.startsWith('/api/orchestration/')),
  );
  if (stackMode !== undefined) registerStackMode(app, stackMode);

  app.get('/_healthcheck', async () => ({ status: 'ok' }));
  app.register(
    async (api) => {
      registerV1Routes(api, services);
      registerV2Routes(api, services);
    },
    { prefix: '/api/orchestration' },
  );
  registerConnectionRoutes(
    app,
    new ConnectionRegistry(
      options.connections?.local ?? { name: 'Local server', readOnly: false },
      options.connections?.remotes ?? [],
      logger,
    ),
  );
  registerLocalEventRoutes(app, services);
  registerLedgerRoutes(app, ledger);
  registerTriggerSuiteRoutes(app, { db, clock });
  if (options.staticDir !== undefined) app.register(fastifyStatic, { root: options.staticDir });

  const stopListening = dispatcher.listen();
  app.addHook('onReady', async () => {
    engine.recover();
    ledger.ledger.outbox.resume();
  });
  app.addHook('onClose', async () => {
    stopListening();
    await engine.close();
    await bus.drain();
    db.close();
  });

  return app;
}
