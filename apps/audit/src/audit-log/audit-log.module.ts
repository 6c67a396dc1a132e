import { Global, Module } from '@nestjs/common';

import { AlertRaiser } from '../alerts/alert-raiser.service';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditEnv } from '../config/audit.env';
import { AuditEventsConsumer } from './audit-events.consumer';
import { AuditChainController, AuditLogSearchController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditLogSearchService } from './audit-log-search.service';
import { ChainCheckpointScheduler } from './chain-checkpoint.scheduler';
import { ChainCheckpointService } from './chain-checkpoint.service';
import { ChainKeyRing } from './chain-key-ring';
import { ChainKeyingService } from './chain-keying.service';
import { ChainVerifierService } from './chain-verifier.service';
import { ChainWatchService } from './chain-watch.service';
import { CHECKPOINT_STORE, FileCheckpointStore } from './checkpoint.store';
import { CheckpointSigner } from './checkpoint-signer';
import { StaffActionRecorder } from './staff-action.recorder';

@Global()
@Module({
  imports: [AlertsModule],
  controllers: [AuditChainController, AuditLogSearchController, AuditEventsConsumer],
  providers: [
    {
      provide: CheckpointSigner,
      useFactory: (env: AuditEnv) => CheckpointSigner.fromPem(env.AUDIT_SIGNING_KEY, env.AUDIT_VERIFY_KEYS),
      inject: [AuditEnv],
    },
    {
      provide: ChainKeyRing,
      useFactory: (env: AuditEnv) => ChainKeyRing.fromEnv(env.AUDIT_CHAIN_KEYS),
      inject: [AuditEnv],
    },
    {
      provide: CHECKPOINT_STORE,
      useFactory: (env: AuditEnv) => new FileCheckpointStore(env.AUDIT_CHECKPOINT_DIR),
      inject: [AuditEnv],
    },
    AuditLogRepository,
    AuditLogService,
    StaffActionRecorder,
    ChainCheckpointService,
    ChainCheckpointScheduler,
    ChainVerifierService,
    AlertRaiser,
    ChainWatchService,
    ChainKeyingService,
    AuditLogSearchService,
  ],
  exports: [AuditLogService, StaffActionRecorder, ChainCheckpointService, ChainVerifierService],
})
export class AuditLogModule {}
