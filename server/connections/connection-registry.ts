import type { Logger } from 'pino';

import type { ConnectionSummary } from '@/lib/connection/connection-schemas';

import { localConnectionId, type FlowdeckConfig } from './config';
import { RemoteConnection, writeScope, type ConnectionState } from './remote-connection';

export type LocalProfile = FlowdeckConfig['local'];

/** The configured connections: the embedded server (`local`) and the remote stacks. */
export class ConnectionRegistry {
  readonly remotes: Map<string, RemoteConnection>;
  private readonly states = new Map<string, ConnectionState>();

  constructor(
    readonly local: LocalProfile,
    remotes: FlowdeckConfig['remotes'],
    logger: Logger,
  ) {
    this.remotes = new Map(
      remotes.map((profile) => [
        profile.id,
        new RemoteConnection(profile, logger.child({ module: 'connections' })),
      ]),
    );
  }

  has(id: string): boolean {
    return id === localConnectionId || this.remotes.has(id);
  }

  /** Returns why mutations are rejected on the connection, or `undefined` when they are allowed. */
  async readOnlyReason(id: string): Promise<string | undefined> {
    if (id === localConnectionId) return this.localReadOnlyReason();

    const remote = this.remotes.get(id);
    if (remote === undefined) return undefined;
    if (remote.profile.readOnly) return configReadOnlyReason(remote.profile.name);
    // The token's scopes are known only once a token was issued.
    if (remote.profile.credentials !== undefined) await remote.detect();

    return remote.tokenReadOnly ? tokenReadOnlyReason(remote.profile.name) : undefined;
  }

  private localReadOnlyReason(): string | undefined {
    return this.local.readOnly ? configReadOnlyReason(this.local.name) : undefined;
  }

  /** Lists every connection with the last known state, without contacting any stack. */
  list(): ConnectionSummary[] {
    const remotes = [...this.remotes.values()].map((remote) =>
      this.summarize(remote, this.states.get(remote.profile.id)),
    );

    return [this.localSummary(), ...remotes];
  }

  /** Checks a remote stack (cached unless `refresh`) and returns its summary; `undefined` if unknown. */
  async check(id: string, refresh: boolean): Promise<ConnectionSummary | undefined> {
    if (id === localConnectionId) return this.localSummary();

    const remote = this.remotes.get(id);
    if (remote === undefined) return undefined;
    const state = await remote.detect(refresh);
    this.states.set(id, state);

    return this.summarize(remote, state);
  }

  private localSummary(): ConnectionSummary {
    const reason = this.localReadOnlyReason();

    return {
      id: localConnectionId,
      name: this.local.name,
      kind: 'local',
      readOnly: reason !== undefined,
      ...(reason !== undefined ? { readOnlyReason: reason } : {}),
      status: 'ready',
      apiVersion: 'v2',
    };
  }

  private summarize(
    remote: RemoteConnection,
    state: ConnectionState | undefined,
  ): ConnectionSummary {
    const { id, name, baseUrl, readOnly: configReadOnly } = remote.profile;
    let reason: string | undefined;
    if (configReadOnly) reason = configReadOnlyReason(name);
    else if (state?.status === 'ready' && state.tokenReadOnly) reason = tokenReadOnlyReason(name);
    const common = {
      id,
      name,
      kind: 'remote' as const,
      baseUrl,
      readOnly: reason !== undefined,
      ...(reason !== undefined ? { readOnlyReason: reason } : {}),
    };

    if (state === undefined) return { ...common, status: 'unknown' };
    if (state.status === 'error') {
      return {
        ...common,
        status: 'error',
        error: { errorCode: state.errorCode, errorMessage: state.errorMessage },
      };
    }

    return { ...common, status: 'ready', apiVersion: state.apiVersion };
  }
}

function configReadOnlyReason(name: string): string {
  return `${name} is read-only in the Flowdeck configuration.`;
}

function tokenReadOnlyReason(name: string): string {
  return `${name} is read-only: its access token lacks the ${writeScope} scope.`;
}
