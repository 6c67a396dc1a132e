import { buildDataSourceOptions, SystemClock } from '@exam/platform';
import { DataSource } from 'typeorm';

import { AUDIT_SERVICE } from './audit.service-definition';
import { AuditLogRepository } from './audit-log/audit-log.repository';
import { ChainKeyRing } from './audit-log/chain-key-ring';
import { ChainVerifierService } from './audit-log/chain-verifier.service';
import { FileCheckpointStore } from './audit-log/checkpoint.store';
import { CheckpointSigner } from './audit-log/checkpoint-signer';
import { missingVerificationKeys, VERIFY_EXIT } from './audit-log/verify-chain-keys';

/**
 * `node dist/apps/audit/src/verify-chain.js`: recomputes the audit chain and checks the signed
 * checkpoints; prints the report as JSON. Exit codes: 0 intact, 1 tampered with (first broken link in
 * the report), 2 could not run, 3 the verification keys are missing or are not the ones the chain was
 * written with (nothing is said about tampering then).
 */
async function main(): Promise<number> {
  const env = AUDIT_SERVICE.loadEnv();
  const missing = missingVerificationKeys(env);
  if (missing !== null) {
    process.stderr.write(`verify-chain: ${missing}\n`);
    return VERIFY_EXIT.KEY_PROBLEM;
  }
  const dataSource = new DataSource(buildDataSourceOptions(env, AUDIT_SERVICE));
  await dataSource.initialize();
  try {
    const verifier = new ChainVerifierService(
      new AuditLogRepository(dataSource),
      CheckpointSigner.fromPem(env.AUDIT_SIGNING_KEY, env.AUDIT_VERIFY_KEYS),
      ChainKeyRing.parse(env.AUDIT_CHAIN_KEYS),
      new FileCheckpointStore(env.AUDIT_CHECKPOINT_DIR),
      env,
      new SystemClock(),
    );
    const report = await verifier.verify();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.keyProblem !== null) {
      process.stderr.write(
        `verify-chain: wrong verification key, tampering not assessed. ${report.keyProblem}\n`,
      );
      return VERIFY_EXIT.KEY_PROBLEM;
    }
    return report.ok ? VERIFY_EXIT.INTACT : VERIFY_EXIT.TAMPERED;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-chain failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(VERIFY_EXIT.COULD_NOT_RUN);
  },
);
