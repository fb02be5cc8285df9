import type Database from 'better-sqlite3';

import { toJsonNumber } from './values';

/** Input and output volumes of one account in one asset; balance = input − output. */
export interface Volume {
  input: number;
  output: number;
  balance: number;
}

export interface MutableVolume {
  input: bigint;
  output: bigint;
}

/** Volumes loaded for one transaction, changed in memory and saved together. */
export interface PendingVolumes {
  get(address: string, asset: string): MutableVolume;
  addresses(): string[];
  save(): void;
}

export interface VolumeStore {
  begin(ledger: string): PendingVolumes;
  ofAccount(ledger: string, address: string): Record<string, Volume>;
  balanceOf(ledger: string, address: string, asset: string): bigint;
}

interface VolumeRow {
  asset: string;
  input: string;
  output: string;
}

export function createVolumeStore(db: Database.Database): VolumeStore {
  const selectOne = db.prepare(
    'SELECT asset, input, output FROM ledger_volumes WHERE ledger = ? AND address = ? AND asset = ?',
  );
  const selectAccount = db.prepare(
    'SELECT asset, input, output FROM ledger_volumes WHERE ledger = ? AND address = ? ORDER BY asset',
  );
  const upsert = db.prepare(
    `INSERT INTO ledger_volumes (ledger, address, asset, input, output) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (ledger, address, asset) DO UPDATE SET input = excluded.input, output = excluded.output`,
  );

  function load(ledger: string, address: string, asset: string): MutableVolume {
    const row = selectOne.get(ledger, address, asset) as VolumeRow | undefined;
    return row
      ? { input: BigInt(row.input), output: BigInt(row.output) }
      : { input: 0n, output: 0n };
  }

  function begin(ledger: string): PendingVolumes {
    const loaded = new Map<string, { address: string; asset: string; volume: MutableVolume }>();
    return {
      get(address, asset) {
        const key = `${address}\u0000${asset}`;
        let entry = loaded.get(key);
        if (!entry) {
          entry = { address, asset, volume: load(ledger, address, asset) };
          loaded.set(key, entry);
        }
        return entry.volume;
      },
      addresses() {
        return [...new Set([...loaded.values()].map((entry) => entry.address))];
      },
      save() {
        for (const { address, asset, volume } of loaded.values()) {
          upsert.run(ledger, address, asset, volume.input.toString(), volume.output.toString());
        }
      },
    };
  }

  function ofAccount(ledger: string, address: string): Record<string, Volume> {
    const rows = selectAccount.all(ledger, address) as VolumeRow[];
    const result: Record<string, Volume> = {};
    for (const row of rows) {
      const input = BigInt(row.input);
      const output = BigInt(row.output);
      result[row.asset] = {
        input: toJsonNumber(input),
        output: toJsonNumber(output),
        balance: toJsonNumber(input - output),
      };
    }
    return result;
  }

  function balanceOf(ledger: string, address: string, asset: string): bigint {
    const volume = load(ledger, address, asset);
    return volume.input - volume.output;
  }

  return { begin, ofAccount, balanceOf };
}
