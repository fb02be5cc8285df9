import type { Workflow, WorkflowConfig } from '@/lib/orchestration/schemas';

import type { SqliteDatabase } from './database';
import { fromJson, optional, toJson, type PageWindow } from './json';
import { inPageOrder, ListStatements, pageClauses, pageDirection, pageParameters } from './keyset';

type WorkflowRow = {
  id: string;
  config: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const columns = 'id, config, created_at, updated_at, deleted_at';

function toWorkflow(row: WorkflowRow): Workflow {
  const config = fromJson<WorkflowConfig>(row.config);

  return {
    id: row.id,
    config: { name: config.name ?? '', stages: config.stages ?? [] },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: optional(row.deleted_at),
  };
}

export class WorkflowsRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly listStatements;
  private readonly softDeleteStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string]>(
      'INSERT INTO workflows (id, config, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string], WorkflowRow>(
      `SELECT ${columns} FROM workflows WHERE id = ?`,
    );
    this.listStatements = new ListStatements<WorkflowRow>(db);
    this.softDeleteStatement = db.prepare<[string, string]>(
      'UPDATE workflows SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
    );
  }

  insert(workflow: { id: string; config: WorkflowConfig; createdAt: string }): Workflow {
    const config = { name: workflow.config.name ?? '', stages: workflow.config.stages };
    this.insertStatement.run(workflow.id, toJson(config), workflow.createdAt, workflow.createdAt);

    return {
      id: workflow.id,
      config,
      createdAt: workflow.createdAt,
      updatedAt: workflow.createdAt,
    };
  }

  /** Returns the workflow, soft-deleted or not. */
  get(id: string): Workflow | undefined {
    const row = this.getStatement.get(id);

    return row && toWorkflow(row);
  }

  /** Lists workflows that are not deleted, in insertion order. */
  list(window?: PageWindow): Workflow[] {
    const direction = pageDirection(window);
    const statement = this.listStatements.get(direction, () => {
      const { condition, orderAndLimit } = pageClauses('workflows', 'workflows', direction);

      return `SELECT ${columns} FROM workflows WHERE deleted_at IS NULL ${condition} ${orderAndLimit}`;
    });

    return inPageOrder(statement.all(pageParameters(window)), window).map(toWorkflow);
  }

  /** Marks the workflow deleted; deleting it again keeps the first date. */
  softDelete(id: string, date: string): void {
    this.softDeleteStatement.run(date, id);
  }
}
