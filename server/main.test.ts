import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

const port = 18097;

describe('server entry point', () => {
  let folder: string | undefined;

  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('serves a real port until SIGTERM', async () => {
    folder = mkdtempSync(join(tmpdir(), 'flowdeck-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        FLOWDECK_PORT: String(port),
        FLOWDECK_DB: join(folder, 'nested', 'flowdeck.db'),
        FLOWDECK_SEED: '0',
        FLOWDECK_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    try {
      const deadline = Date.now() + 40_000;
      while (!output.includes('Flowdeck is running at') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toContain(`Flowdeck is running at http://127.0.0.1:${port}`);

      const response = await fetch(`http://127.0.0.1:${port}/api/orchestration/v2/workflows`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ cursor: { pageSize: 15, hasMore: false, data: [] } });
    } finally {
      child.kill('SIGTERM');
    }

    expect(await exited).toBe(0);
  }, 60_000);
});
