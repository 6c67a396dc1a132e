import { DataSource, QueryRunner } from 'typeorm';

import { EntityEncryption } from '../typeorm/entity-encryption';

export type RawRow = Readonly<Record<string, unknown>>;

/** Row ids appear in failure reports and cursors; other types would print as `[object Object]`. */
export function idToText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? String(value)
    : '?';
}

/** Unique-key violations as MySQL/MariaDB (ER_DUP_ENTRY) and PostgreSQL (23505) report them. */
export function isDuplicateKeyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === '23505';
}

/**
 * Raw SQL access to one encrypted table: no entity hydration (so no decryption of columns a job does not
 * touch), no subscriber, no @UpdateDateColumn or @VersionColumn bump, and only ciphertexts and digests as
 * parameters. Conditional updates are the optimistic-concurrency primitive every job relies on.
 */
export class EncryptedTable {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queryRunner: QueryRunner,
    readonly encryption: EntityEncryption,
  ) {}

  get primaryColumn(): string {
    return this.encryption.primaryColumn;
  }

  async readBatch(after: string | null, limit: number, columns: readonly string[]): Promise<RawRow[]> {
    const where = after === null ? '' : ` WHERE ${this.q(this.primaryColumn)} > :after`;
    const sql =
      `SELECT ${this.selectList(columns)} FROM ${this.q(this.encryption.table)}${where}` +
      ` ORDER BY ${this.q(this.primaryColumn)} LIMIT ${String(Math.max(1, Math.floor(limit)))}`;
    return this.select(sql, after === null ? {} : { after });
  }

  async readRow(id: unknown, columns: readonly string[]): Promise<RawRow | undefined> {
    const sql = `SELECT ${this.selectList(columns)} FROM ${this.q(this.encryption.table)} WHERE ${this.q(this.primaryColumn)} = :id`;
    const [row] = await this.select(sql, { id });
    return row;
  }

  /** Applies `set` only if every `expected` column still holds the value read; false when someone wrote first. */
  async updateIfUnchanged(
    id: unknown,
    set: Readonly<Record<string, string | null>>,
    expected: Readonly<Record<string, string | null>>,
  ): Promise<boolean> {
    const parameters: Record<string, unknown> = { id };
    const assignments = Object.entries(set).map(([column, value], i) => {
      parameters[`s${String(i)}`] = value;
      return `${this.q(column)} = :s${String(i)}`;
    });
    const conditions = Object.entries(expected).map(([column, value], i) => {
      if (value === null) return `${this.q(column)} IS NULL`;
      parameters[`e${String(i)}`] = value;
      return `${this.q(column)} = :e${String(i)}`;
    });
    const sql =
      `UPDATE ${this.q(this.encryption.table)} SET ${assignments.join(', ')}` +
      ` WHERE ${[`${this.q(this.primaryColumn)} = :id`, ...conditions].join(' AND ')}`;
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    const result = await this.queryRunner.query(query, values, true);
    return (result.affected ?? 0) > 0;
  }

  private selectList(columns: readonly string[]): string {
    const all = new Set([
      this.primaryColumn,
      ...(this.encryption.tenantColumn === undefined ? [] : [this.encryption.tenantColumn]),
      ...columns,
    ]);
    return [...all].map((column) => this.q(column)).join(', ');
  }

  private async select(sql: string, parameters: Record<string, unknown>): Promise<RawRow[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    return (await this.queryRunner.query(query, values)) as RawRow[];
  }

  private q(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}
