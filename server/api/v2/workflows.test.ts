import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { cursorSchema, dataSchema, workflowSchema } from '@/lib/orchestration/schemas';

import { createWorkflow, v2 } from '../../testing/api-fixtures';
import {
  call,
  createTestServer,
  expectBody,
  expectError,
  type TestServer,
} from '../../testing/test-server';

const noop = { name: 'noop-probe', stages: [{ noop: {} }] };

describe('v2 workflows', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('creates a workflow from JSON with 201', async () => {
    const workflow = await createWorkflow(server.app, noop);

    expect(workflow.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(workflow.config).toEqual(noop);
    expect(workflow.updatedAt).toBe(workflow.createdAt);
    expect(workflow.deletedAt).toBeUndefined();
  });

  it('creates a workflow from YAML', async () => {
    const yaml = 'name: from-yaml\nstages:\n  - delay:\n      duration: 5m\n  - noop: {}\n';
    const response = await call(server.app, 'POST', `${v2}/workflows`, yaml, {
      'content-type': 'text/vnd.yaml',
    });
    const { data } = expectBody(response, 201, dataSchema(workflowSchema));

    expect(data.config).toEqual({
      name: 'from-yaml',
      stages: [{ delay: { duration: '5m' } }, { noop: {} }],
    });
  });

  it('echoes an empty name and stages when absent', async () => {
    const workflow = await createWorkflow(server.app, {});

    expect(workflow.config).toEqual({ name: '', stages: [] });
  });

  it.each([
    [{ stages: [{ teleport: {} }] }, 'stages[0].teleport: unable to resolve schema teleport'],
    [{ stages: [{}] }, 'stages[0]: empty specification'],
    [{ stages: [{ noop: {}, delay: {} }] }, 'a specification should have only one name'],
    [
      { stages: [{ delay: { duration: 'soon' } }] },
      'stages[0].delay.duration: expected a duration',
    ],
    [
      { stages: [{ send: { amount: { amount: true } } }] },
      'send.amount.amount: expected an integer',
    ],
    [{ stages: 'noop' }, 'expected an array of stages'],
    [[1, 2], 'expected a JSON object'],
  ])('rejects invalid definition %j', async (body, message) => {
    const response = await call(server.app, 'POST', `${v2}/workflows`, body);

    const errorMessage = expectError(response, 400, 'VALIDATION');
    expect(errorMessage).toContain('creating workflow: ');
    expect(errorMessage).toContain(message);
  });

  it('accepts placeholders in typed fields', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '${wait}' } }, { send: { amount: { amount: '${cents}' } } }],
    });

    expect(workflow.config.stages).toHaveLength(2);
  });

  it('gets a workflow by id and 404s unknown ids', async () => {
    const workflow = await createWorkflow(server.app, noop);

    const found = await call(server.app, 'GET', `${v2}/workflows/${workflow.id}`);
    expect(expectBody(found, 200, dataSchema(workflowSchema)).data).toEqual(workflow);

    const missing = await call(
      server.app,
      'GET',
      `${v2}/workflows/00000000-0000-4000-8000-000000000000`,
    );
    expectError(missing, 404, 'NOT_FOUND');
  });

  it('soft-deletes: hidden from the list, still readable, delete again 204', async () => {
    const workflow = await createWorkflow(server.app, noop);

    const deleted = await call(server.app, 'DELETE', `${v2}/workflows/${workflow.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(deleted.contentType).toMatch(/^application\/json/);

    const list = await call(server.app, 'GET', `${v2}/workflows`);
    expect(expectBody(list, 200, cursorSchema(workflowSchema)).cursor.data).toEqual([]);

    const read = await call(server.app, 'GET', `${v2}/workflows/${workflow.id}`);
    expect(expectBody(read, 200, dataSchema(workflowSchema)).data.deletedAt).toBeDefined();

    const again = await call(server.app, 'DELETE', `${v2}/workflows/${workflow.id}`);
    expect(again.status).toBe(204);
  });

  it('rejects deleting a non-UUID with 400 and an unknown UUID with 404', async () => {
    expectError(await call(server.app, 'DELETE', `${v2}/workflows/abc`), 400, 'VALIDATION');
    const unknown = await call(
      server.app,
      'DELETE',
      `${v2}/workflows/00000000-0000-4000-8000-000000000000`,
    );
    expectError(unknown, 404, 'NOT_FOUND');
  });

  it('paginates with a cursor across pages in insertion order', async () => {
    const created = [];
    for (let index = 0; index < 5; index += 1) {
      created.push(await createWorkflow(server.app, { name: `wf-${index}`, stages: [] }));
    }

    const first = await call(server.app, 'GET', `${v2}/workflows?pageSize=2`);
    const page1 = expectBody(first, 200, cursorSchema(workflowSchema)).cursor;
    expect(page1.data.map((workflow) => workflow.config.name)).toEqual(['wf-0', 'wf-1']);
    expect(page1.pageSize).toBe(2);
    expect(page1.hasMore).toBe(true);
    expect(page1.previous).toBeUndefined();
    expect(page1.next).toBeDefined();

    // With a cursor, pageSize comes from the cursor and the query value is ignored.
    const second = await call(
      server.app,
      'GET',
      `${v2}/workflows?pageSize=50&cursor=${page1.next}`,
    );
    const page2 = expectBody(second, 200, cursorSchema(workflowSchema)).cursor;
    expect(page2.data.map((workflow) => workflow.config.name)).toEqual(['wf-2', 'wf-3']);
    expect(page2.previous).toBeDefined();

    const third = await call(server.app, 'GET', `${v2}/workflows?cursor=${page2.next}`);
    const page3 = expectBody(third, 200, cursorSchema(workflowSchema)).cursor;
    expect(page3.data.map((workflow) => workflow.id)).toEqual([created[4]?.id]);
    expect(page3.hasMore).toBe(false);
    expect(page3.next).toBeUndefined();

    const back = await call(server.app, 'GET', `${v2}/workflows?cursor=${page3.previous}`);
    const page2Again = expectBody(back, 200, cursorSchema(workflowSchema)).cursor;
    expect(page2Again.data.map((workflow) => workflow.config.name)).toEqual(['wf-2', 'wf-3']);
  });

  it.each([
    ['pageSize=0', 15],
    ['pageSize=7', 7],
    ['pageSize=1000', 100],
    ['', 15],
  ])('applies page size rules for %s', async (query, pageSize) => {
    const response = await call(server.app, 'GET', `${v2}/workflows?${query}`);

    expect(expectBody(response, 200, cursorSchema(workflowSchema)).cursor.pageSize).toBe(pageSize);
  });

  it.each(['pageSize=abc', 'pageSize=-1', 'pageSize=1.5'])('rejects %s', async (query) => {
    const response = await call(server.app, 'GET', `${v2}/workflows?${query}`);

    expect(expectError(response, 400, 'VALIDATION')).toBe("invalid 'pageSize' query param");
  });

  it.each(['not-base64!', 'e30', Buffer.from('{"offset":-1,"pageSize":2}').toString('base64url')])(
    'rejects cursor %s',
    async (cursor) => {
      const response = await call(server.app, 'GET', `${v2}/workflows?cursor=${cursor}`);

      expect(expectError(response, 400, 'VALIDATION')).toBe("invalid 'cursor' query param");
    },
  );
});
