// Starts the real local server (tsx server/main.ts) on 127.0.0.1 with a given
// database and console folder, and stops it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const startTimeoutMs = 30_000;

/** Starts the server and resolves once GET /api/orchestration/_info responds with 200. */
export async function startServer({ root, port, databaseFile, staticDir }) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      FLOWDECK_PORT: String(port),
      FLOWDECK_HOST: '127.0.0.1',
      FLOWDECK_DB: databaseFile,
      FLOWDECK_STATIC_DIR: staticDir,
      FLOWDECK_SEED: '0',
      FLOWDECK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data) => {
    stderr = (stderr + data.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `The server exited with code ${child.exitCode} before it responded:\n${stderr}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/orchestration/_info`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The server did not respond on ${baseUrl} within ${startTimeoutMs} ms:\n${stderr}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
