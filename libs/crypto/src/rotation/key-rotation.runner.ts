import { DataSource } from 'typeorm';

import { BlindIndex } from '../blind-index';
import { CryptoError } from '../crypto.errors';
import { FieldCipher } from '../field-cipher';
import { EntityEncryption, resolveEntityEncryption } from '../typeorm/entity-encryption';
import { BatchOptions, JobReport, progressRepository, RowJob, runBatchedJob } from './batched-job';
import { blindIndexBackfillJob } from './blind-index-backfill.job';
import { dataKeyRotationJob } from './data-key-rotation.job';
import { EncryptedTable } from './encrypted-table';
import { ColumnKeyUsage, tableKeyUsage } from './key-usage';

export interface KeyRotationRunnerOptions {
  /** Must equal the service name the FieldEncryptionSubscriber uses, since it is part of every value's AAD. */
  readonly service: string;
  readonly cipher: FieldCipher;
  /** Needed for blind-index backfills only. */
  readonly blindIndex?: BlindIndex;
}

export interface KeyRotationReport {
  readonly completed: boolean;
  readonly jobs: readonly JobReport[];
}

/**
 * Online re-encryption jobs over every entity of the DataSource with encrypted columns. Safe to run while the
 * service serves traffic, provided every instance already has the target key active (see README).
 */
export class KeyRotationRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: KeyRotationRunnerOptions,
  ) {}

  encryptedEntities(): EntityEncryption[] {
    return this.dataSource.entityMetadatas.flatMap(
      (metadata) => resolveEntityEncryption(metadata, this.options.service) ?? [],
    );
  }

  /** Re-encrypts every value not under the active data key; run until `completed`, then check keyUsage(). */
  async rotateDataKeys(options: BatchOptions = {}): Promise<KeyRotationReport> {
    progressRepository(this.dataSource);
    const jobs = this.encryptedEntities().map(
      (encryption) =>
        [encryption, dataKeyRotationJob(encryption, this.options.service, this.options.cipher)] as const,
    );
    return this.runAll(jobs, options);
  }

  /** Fills NULL blind-index columns whose key is configured; the backfill step of an index-key rotation. */
  async backfillBlindIndexes(options: BatchOptions = {}): Promise<KeyRotationReport> {
    progressRepository(this.dataSource);
    const blindIndex = this.options.blindIndex;
    if (blindIndex === undefined) {
      throw new CryptoError('CRYPTO.MAPPING_INVALID', 'a blind-index backfill needs the BlindIndex');
    }
    const jobs = this.encryptedEntities().flatMap((encryption) =>
      encryption.indexes
        .filter((index) => blindIndex.hasKey(index.keyId))
        .map(
          (index) =>
            [
              encryption,
              blindIndexBackfillJob(encryption, index, this.options.service, this.options.cipher, blindIndex),
            ] as const,
        ),
    );
    return this.runAll(jobs, options);
  }

  async keyUsage(): Promise<ColumnKeyUsage[]> {
    const usage: ColumnKeyUsage[] = [];
    for (const encryption of this.encryptedEntities()) {
      usage.push(...(await this.withTable(encryption, (table) => tableKeyUsage(table, this.options.cipher))));
    }
    return usage;
  }

  private async runAll(
    jobs: readonly (readonly [EntityEncryption, RowJob])[],
    options: BatchOptions,
  ): Promise<KeyRotationReport> {
    const reports: JobReport[] = [];
    for (const [encryption, job] of jobs) {
      const report = await this.withTable(encryption, (table) =>
        runBatchedJob(this.dataSource, table, job, options),
      );
      reports.push(report);
      if (!report.completed) break;
    }
    return {
      completed: reports.length === jobs.length && reports.every((report) => report.completed),
      jobs: reports,
    };
  }

  private async withTable<T>(
    encryption: EntityEncryption,
    work: (table: EncryptedTable) => Promise<T>,
  ): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      return await work(new EncryptedTable(this.dataSource, queryRunner, encryption));
    } finally {
      await queryRunner.release();
    }
  }
}
