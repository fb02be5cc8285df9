/**
 * Starts server/main.ts in a child process, as `npm run server` does, for
 * tests that kill it or must see whether it stays up. The child runs
 * `node --import tsx server/main.ts`: the same program as `npx tsx
 * server/main.ts`, but in one process, so a signal reaches the server itself
 * and not a wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export type ChildServer = {
  url: string;
  process: ChildProcess;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
};

export type ChildServerOptions = {
  port: number;
  databaseFile: string;
  seed?: boolean;
  logLevel?: string;
  /** How long to wait for the start message, in ms. */
  startTimeoutMs?: number;
};

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      FLOWDECK_PORT: String(options.port),
      FLOWDECK_HOST: '127.0.0.1',
      FLOWDECK_DB: options.databaseFile,
      FLOWDECK_SEED: options.seed ? '1' : '0',
      FLOWDECK_LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    // Keep the tail only: a failing run can log a lot.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 40_000);
  while (!output.includes(`Flowdeck is running at ${url}`)) {
    if (ended || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  return {
    url,
    process: child,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (!ended) child.kill(signal);

      return exited;
    },
  };
}

/**
 * Sends a JSON request to a child server and returns the parsed body, or
 * `undefined` for an empty one. Throws with the status and body on 4xx/5xx.
 */
export async function requestJson(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) {
    throw new Error(`${method} ${path} failed with ${response.status}: ${text}`);
  }

  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
