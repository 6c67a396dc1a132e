import { DynamicModule, Module } from '@nestjs/common';

import type { AuditEnv } from '../config/audit.env';
import { AUDIT_ENV } from '../config/audit-env.token';
import { AuditEventsConsumer } from './audit-events.consumer';
import { AuditChainController, AuditLogSearchController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditLogSearchService } from './audit-log-search.service';
import { ChainCheckpointScheduler } from './chain-checkpoint.scheduler';
import { ChainCheckpointService } from './chain-checkpoint.service';
import { ChainVerifierService } from './chain-verifier.service';
import { CHECKPOINT_STORE, FileCheckpointStore } from './checkpoint.store';
import { CheckpointSigner } from './checkpoint-signer';
import { StaffActionRecorder } from './staff-action.recorder';

@Module({})
export class AuditLogModule {
  static register(env: AuditEnv): DynamicModule {
    return {
      module: AuditLogModule,
      global: true,
      controllers: [AuditChainController, AuditLogSearchController, AuditEventsConsumer],
      providers: [
        { provide: AUDIT_ENV, useValue: env },
        {
          provide: CheckpointSigner,
          useValue: CheckpointSigner.fromPem(env.AUDIT_SIGNING_KEY, env.AUDIT_VERIFY_KEYS),
        },
        { provide: CHECKPOINT_STORE, useValue: new FileCheckpointStore(env.AUDIT_CHECKPOINT_DIR) },
        AuditLogService,
        StaffActionRecorder,
        ChainCheckpointService,
        ChainCheckpointScheduler,
        ChainVerifierService,
        AuditLogSearchService,
      ],
      exports: [
        AUDIT_ENV,
        AuditLogService,
        StaffActionRecorder,
        ChainCheckpointService,
        ChainVerifierService,
      ],
    };
  }
}
