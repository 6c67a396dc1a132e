import { DataSource } from 'typeorm';

import { CryptoEnv, parseCryptoConfig } from '../crypto.config';
import { KeyEncryptionProvider } from '../key-encryption-provider';
import { loadFieldProtection } from '../load-field-protection';
import { BatchOptions, JobReport } from './batched-job';
import { KeyRotationRunner } from './key-rotation.runner';

export interface RotateKeysCliOptions {
  /** The service name its FieldEncryptionSubscriber uses. */
  readonly service: string;
  readonly argv: readonly string[];
  readonly env: CryptoEnv;
  /** The service's DataSource (initialized or not), including KeyRotationProgressEntity. */
  readonly dataSource: () => DataSource | Promise<DataSource>;
  readonly keyEncryptionProvider?: KeyEncryptionProvider;
  readonly write?: (line: string) => void;
  /** Stop after the current batch on SIGINT/SIGTERM (progress is kept). Default true. */
  readonly handleSignals?: boolean;
}

const USAGE =
  'usage: rotate-keys [rotate|backfill-blind-index|status] [--batch-size=N] [--pause-ms=N] [--max-batches=N] [--restart]';

function numberFlag(argv: readonly string[], name: string): number | undefined {
  const flag = argv.find((arg) => arg.startsWith(`--${name}=`));
  if (flag === undefined) return undefined;
  const value = Number(flag.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

function describe(job: JobReport): string {
  const state = job.alreadyCompleted
    ? 'already completed'
    : job.completed
      ? 'completed'
      : 'stopped (resumable)';
  return (
    `${job.job} → ${job.targetKeyId}: ${state}; scanned ${job.scanned}, changed ${job.changed}, ` +
    `races ${job.races}, conflicts ${job.conflicts}, failures ${job.failures.length}` +
    (job.resumedFrom === null ? '' : `, resumed after row ${job.resumedFrom}`)
  );
}

/**
 * Entry point for a service's `rotate-keys.ts`:
 * `process.exitCode = await runRotateKeysCli({ service: 'identity', argv: process.argv.slice(2), env: environment, dataSource: () => identityDataSource })`.
 * Returns 0 only when the command finished with nothing left to do.
 */
export async function runRotateKeysCli(options: RotateKeysCliOptions): Promise<number> {
  const write = options.write ?? ((line: string): void => void process.stdout.write(`${line}\n`));
  const command = options.argv.find((arg) => !arg.startsWith('--')) ?? 'rotate';
  if (!['rotate', 'backfill-blind-index', 'status'].includes(command)) {
    write(USAGE);
    return 2;
  }
  const controller = new AbortController();
  const stop = (): void => {
    write('stopping after the current batch…');
    controller.abort();
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  let dataSource: DataSource | undefined;
  try {
    const batch: BatchOptions = {
      ...(numberFlag(options.argv, 'batch-size') === undefined
        ? {}
        : { batchSize: numberFlag(options.argv, 'batch-size') }),
      ...(numberFlag(options.argv, 'pause-ms') === undefined
        ? {}
        : { pauseMs: numberFlag(options.argv, 'pause-ms') }),
      ...(numberFlag(options.argv, 'max-batches') === undefined
        ? {}
        : { maxBatches: numberFlag(options.argv, 'max-batches') }),
      restart: options.argv.includes('--restart'),
      signal: controller.signal,
    };
    const config = parseCryptoConfig(options.env, {
      externalKek: options.keyEncryptionProvider !== undefined,
    });
    const protection = await loadFieldProtection(config, options.keyEncryptionProvider);
    dataSource = await options.dataSource();
    if (!dataSource.isInitialized) await dataSource.initialize();
    const runner = new KeyRotationRunner(dataSource, { service: options.service, ...protection });

    let exitCode = 0;
    if (command !== 'status') {
      const report =
        command === 'rotate' ? await runner.rotateDataKeys(batch) : await runner.backfillBlindIndexes(batch);
      for (const job of report.jobs) {
        write(describe(job));
        for (const failure of job.failures)
          write(`  failed: row ${failure.rowId} ${failure.column} ${failure.code}`);
      }
      if (!report.completed || report.jobs.some((job) => job.failures.length > 0)) exitCode = 1;
    }
    write(`active data key: ${protection.cipher.activeKeyId}`);
    for (const usage of await runner.keyUsage()) {
      const counts = Object.entries(usage.counts).map(([key, count]) => `${key}=${count}`);
      write(`${usage.table}.${usage.column}: ${counts.join(' ') || 'empty'}`);
    }
    return exitCode;
  } catch (error: unknown) {
    write(`rotate-keys failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    return 1;
  } finally {
    if (handleSignals) {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    if (dataSource?.isInitialized === true) await dataSource.destroy();
  }
}
