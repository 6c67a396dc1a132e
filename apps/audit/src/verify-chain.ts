import { buildDataSourceOptions, SystemClock } from '@exam/platform';
import { DataSource } from 'typeorm';

import { AUDIT_SERVICE } from './audit.service-definition';
import { AuditLogRepository } from './audit-log/audit-log.repository';
import { ChainVerifierService } from './audit-log/chain-verifier.service';
import { FileCheckpointStore } from './audit-log/checkpoint.store';
import { CheckpointSigner } from './audit-log/checkpoint-signer';

/**
 * `node dist/apps/audit/src/verify-chain.js`: recomputes the audit chain and checks the signed
 * checkpoints; prints the report as JSON and exits 1 at the first broken link (2 if it could not run).
 */
async function main(): Promise<number> {
  const env = AUDIT_SERVICE.loadEnv();
  const dataSource = new DataSource(buildDataSourceOptions(env, AUDIT_SERVICE));
  await dataSource.initialize();
  try {
    const verifier = new ChainVerifierService(
      new AuditLogRepository(dataSource),
      CheckpointSigner.fromPem(env.AUDIT_SIGNING_KEY, env.AUDIT_VERIFY_KEYS),
      new FileCheckpointStore(env.AUDIT_CHECKPOINT_DIR),
      env,
      new SystemClock(),
    );
    const report = await verifier.verify();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-chain failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
