/**
 * Schema of the trigger test suites that Flowdeck keeps for each connection:
 * named sample payloads with their expected outcome, keyed by connection id
 * and trigger id. There is no foreign key to `triggers`, because the triggers
 * of a remote connection live on that stack, not in this database.
 */
export const triggerSuitesMigration = `
  CREATE TABLE flowdeck_trigger_suites (
    connection_id TEXT NOT NULL,
    trigger_id TEXT NOT NULL,
    -- JSON array of cases ({name, payload, expect}).
    cases TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (connection_id, trigger_id)
  );
`;
