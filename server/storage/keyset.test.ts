import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, type SqliteDatabase } from './database';
import { InstancesRepository } from './instances-repository';

describe('instances list by keyset', () => {
  let folder: string;
  let db: SqliteDatabase;
  let instances: InstancesRepository;
  // i0..i9 in insertion order: even ones belong to workflow a, every third one still runs.
  const ids = Array.from({ length: 10 }, (_, index) => `i${index}`);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'flowdeck-keyset-'));
    db = openDatabase(join(folder, 'test.db')).db;
    const date = '2026-01-01T00:00:00.000Z';
    const insertWorkflow = db.prepare(
      'INSERT INTO workflows (id, config, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    insertWorkflow.run('a', '{"stages":[]}', date, date);
    insertWorkflow.run('b', '{"stages":[]}', date, date);
    instances = new InstancesRepository(db);
    ids.forEach((id, index) => {
      instances.insert({
        id,
        workflowID: index % 2 === 0 ? 'a' : 'b',
        variables: {},
        createdAt: date,
      });
      if (index % 3 !== 0) instances.terminate(id, date);
    });
  });

  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const listIDs = (...args: Parameters<InstancesRepository['list']>) =>
    instances.list(...args).map((record) => record.id);

  it('reads the first page in insertion order', () => {
    expect(listIDs({ runningOnly: false }, { limit: 3 })).toEqual(['i0', 'i1', 'i2']);
  });

  it('reads the rows after a row', () => {
    expect(listIDs({ runningOnly: false }, { limit: 3, after: 'i2' })).toEqual(['i3', 'i4', 'i5']);
  });

  it('reads the rows before a row in order', () => {
    expect(listIDs({ runningOnly: false }, { limit: 3, before: 'i7' })).toEqual(['i4', 'i5', 'i6']);
  });

  it('stops at the start before the first rows', () => {
    expect(listIDs({ runningOnly: false }, { limit: 3, before: 'i1' })).toEqual(['i0']);
  });

  it('combines the cursor with both filters', () => {
    // Workflow a: i0, i2, i4, i6, i8; running among them: i0, i6.
    expect(listIDs({ workflowID: 'a', runningOnly: true }, { limit: 5, after: 'i0' })).toEqual([
      'i6',
    ]);
    expect(listIDs({ workflowID: 'a', runningOnly: false }, { limit: 2, after: 'i3' })).toEqual([
      'i4',
      'i6',
    ]);
    expect(listIDs({ runningOnly: true }, { limit: 10, before: 'i9' })).toEqual(['i0', 'i3', 'i6']);
  });

  it('returns an empty page for an unknown cursor row', () => {
    expect(listIDs({ runningOnly: false }, { limit: 3, after: 'missing' })).toEqual([]);
  });

  it('lists every row without a window', () => {
    expect(listIDs({ runningOnly: false })).toEqual(ids);
  });

  it('uses an index for filtered keyset pages', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM instances WHERE 1 = 1 AND workflow_id = 'a' AND terminated = 0
         AND instances.seq > (SELECT seq FROM instances WHERE id = 'i0') ORDER BY instances.seq LIMIT 5`,
      )
      .all() as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join('\n');

    expect(details).toMatch(/USING (COVERING )?INDEX instances_by_workflow_terminated/);
    expect(details).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
