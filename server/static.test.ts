import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { call, createTestServer, expectError, type TestServer } from './testing/test-server';

describe('console static files', () => {
  let server: TestServer;
  let distDir: string;

  beforeEach(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'flowdeck-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Flowdeck</title>');
    writeFileSync(join(distDir, 'assets', 'app.js'), 'export {};');
    server = await createTestServer({ staticDir: distDir });
  });
  afterEach(async () => {
    await server.dispose();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / and files by path', async () => {
    const index = await call(server.app, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>Flowdeck</title>');

    const script = await call(server.app, 'GET', '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.contentType).toMatch(/javascript/);
  });

  it('falls back to index.html for client routes', async () => {
    const route = await call(server.app, 'GET', '/workflows/123/instances?tab=history');

    expect(route.status).toBe(200);
    expect(route.contentType).toMatch(/^text\/html/);
    expect(route.text).toContain('<title>Flowdeck</title>');
  });

  it('keeps API 404s in the error format', async () => {
    expectError(await call(server.app, 'GET', '/api/orchestration/v2/nothing'), 404, 'NOT_FOUND');
    expectError(await call(server.app, 'POST', '/somewhere'), 404, 'NOT_FOUND');
  });
});
