import { Module } from '@nestjs/common';

import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Deletes expired codes, contact changes, invitations and ended sessions; exposes no route. */
@Module({ providers: [RetentionService, RetentionScheduler], exports: [RetentionService] })
export class RetentionModule {}
