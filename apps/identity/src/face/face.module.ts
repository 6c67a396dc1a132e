import { FaceCheckTokenIssuer, parseFaceCheckPrivateKey } from '@exam/platform/face-check';
import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';

import { FACE_ENGINE, type FaceEngine } from './engine/face-engine';
import { WorkerPoolFaceEngine, type WorkerPoolOptions } from './engine/worker-pool-face-engine';
import { FaceController } from './face.controller';
import { FACE_CHECK_TOKEN_TTL_SECONDS } from './face.policy';
import { FaceAttemptsService } from './face-attempts.service';
import { FaceCaptureService } from './face-capture.service';
import { FaceCheckService } from './face-check.service';
import { FACE_CHECK_TOKEN_ISSUER } from './face-check.tokens';
import { FaceConsentConsumer } from './face-consent.consumer';
import { FaceConsentService } from './face-consent.service';
import { FaceEnrolmentService } from './face-enrolment.service';
import { FacePreAuthController } from './face-pre-auth.controller';
import { FaceReviewService } from './face-review.service';
import {
  DEFAULT_PRE_AUTH_IP_FAILURES_PER_HOUR,
  PRE_AUTH_DIGEST_SEED,
  PRE_AUTH_IP_FAILURES_PER_HOUR,
  PreAuthIpBudget,
} from './pre-auth-ip-budget';
import { FaceImagePolicyService } from './raw-images/face-image-policy.service';
import { FaceImageRetentionService } from './raw-images/face-image-retention.service';
import { FaceImagesController } from './raw-images/face-images.controller';
import { FaceRawImageStore } from './raw-images/face-raw-image.store';
import { FaceChallengeRetention } from './retention/face-challenge.retention';
import {
  DEFAULT_RETENTION_INTERVAL_SECONDS,
  IdentityRetentionScheduler,
  RETENTION_INTERVAL,
} from './retention/identity-retention.scheduler';
import { IdentityRetentionService } from './retention/identity-retention.service';

export interface FaceModuleOptions {
  /** Key id and base64 PKCS#8 Ed25519 private key that sign face-check tokens (verifiers get the public key). */
  readonly tokenKeyId: string;
  readonly tokenPrivateKey: string;
  readonly tokenTtlSeconds?: number;
  /** Worker threads for the model (default 1; each costs a core while busy and ~100 MB). */
  readonly engine?: Partial<WorkerPoolOptions>;
  /** Replaces the worker-pool engine, e.g. in unit tests of the use cases. */
  readonly engineOverride?: FaceEngine;
  /** Failed pre-sign-in face checks per client IP and sliding hour before 429 (default 20; 0 = no limit). */
  readonly preAuthIpFailuresPerHour?: number;
  /** Seconds between retention passes (expired raw images, old challenges; default hourly; 0 = off). */
  readonly retentionIntervalSeconds?: number;
}

/**
 * Face enrolment, liveness challenges, face checks with face-check tokens, and the human-review path.
 * Needs PlatformModule (DataSource, auth) with FACE_ENTITIES / FACE_MIGRATIONS in the service lists, and field
 * encryption registered (face_templates.descriptor is an @EncryptedColumn).
 */
@Module({})
export class FaceModule implements OnModuleDestroy {
  constructor(@Inject(FACE_ENGINE) private readonly engine: FaceEngine) {}

  static register(options: FaceModuleOptions): DynamicModule {
    const issuer = new FaceCheckTokenIssuer({
      keyId: options.tokenKeyId,
      privateKey: parseFaceCheckPrivateKey(options.tokenPrivateKey),
      ttlSeconds: options.tokenTtlSeconds ?? FACE_CHECK_TOKEN_TTL_SECONDS,
    });
    return {
      module: FaceModule,
      // Global within identity: account erasure (real-name module) also erases face data.
      global: true,
      controllers: [FaceController, FacePreAuthController, FaceConsentConsumer, FaceImagesController],
      providers: [
        {
          provide: FACE_ENGINE,
          useFactory: (): Promise<FaceEngine> | FaceEngine =>
            options.engineOverride ?? WorkerPoolFaceEngine.start(options.engine),
        },
        { provide: FACE_CHECK_TOKEN_ISSUER, useValue: issuer },
        FaceCaptureService,
        FaceRawImageStore,
        FaceImagePolicyService,
        IdentityRetentionService,
        IdentityRetentionScheduler,
        {
          provide: RETENTION_INTERVAL,
          useValue: options.retentionIntervalSeconds ?? DEFAULT_RETENTION_INTERVAL_SECONDS,
        },
        FaceImageRetentionService,
        FaceChallengeRetention,
        PreAuthIpBudget,
        {
          provide: PRE_AUTH_IP_FAILURES_PER_HOUR,
          useValue: options.preAuthIpFailuresPerHour ?? DEFAULT_PRE_AUTH_IP_FAILURES_PER_HOUR,
        },
        { provide: PRE_AUTH_DIGEST_SEED, useValue: options.tokenPrivateKey },
        FaceEnrolmentService,
        FaceAttemptsService,
        FaceCheckService,
        FaceReviewService,
        FaceConsentService,
      ],
      exports: [
        FACE_ENGINE,
        FaceCheckService,
        FaceEnrolmentService,
        FaceConsentService,
        IdentityRetentionService,
      ],
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.engine instanceof WorkerPoolFaceEngine) await this.engine.close();
  }
}
