import { Clock } from '@exam/platform';
import { FaceCheckTokenIssuer, parseFaceCheckPrivateKey } from '@exam/platform/face-check';
import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import { FACE_ENGINE, type FaceEngine } from './engine/face-engine';
import { WorkerPoolFaceEngine } from './engine/worker-pool-face-engine';
import { FaceController } from './face.controller';
import { FACE_CHECK_TOKEN_TTL_SECONDS } from './face.policy';
import { FaceAttemptBudgetRepository } from './face-attempt-budget.repository';
import { FaceAttemptsService } from './face-attempts.service';
import { FaceCaptureService } from './face-capture.service';
import { FaceChallengeRepository } from './face-challenge.repository';
import { FaceCheckService } from './face-check.service';
import { FaceConsentConsumer } from './face-consent.consumer';
import { FaceConsentRepository } from './face-consent.repository';
import { FaceConsentService } from './face-consent.service';
import { FaceEnrolmentService } from './face-enrolment.service';
import { FacePreAuthController } from './face-pre-auth.controller';
import { FaceReviewRepository } from './face-review.repository';
import { FaceReviewService } from './face-review.service';
import { FaceTemplateRepository } from './face-template.repository';
import { FaceVerificationRepository } from './face-verification.repository';
import { AuthorityLivenessProvider } from './liveness/authority-liveness.provider';
import { FaceCaptureFingerprintRepository } from './liveness/face-capture-fingerprint.repository';
import { FaceReplayGuard } from './liveness/face-replay-guard';
import { LivenessProvider } from './liveness/liveness-provider';
import { LivenessSteps } from './liveness/liveness-steps';
import { LocalLivenessProvider, pixelFlatPictureCheck } from './liveness/local-liveness.provider';
import { FACE_MESH_ENGINE, type FaceMeshEngine } from './mesh/face-mesh';
import { WorkerFaceMeshEngine } from './mesh/worker-face-mesh-engine';
import { PreAuthIpBudget } from './pre-auth-ip-budget';
import { PreAuthIpFailureRepository } from './pre-auth-ip-failure.repository';
import { FaceImagePolicyRepository } from './raw-images/face-image-policy.repository';
import { FaceImagePolicyService } from './raw-images/face-image-policy.service';
import { FaceImagesController } from './raw-images/face-images.controller';
import { FaceRawImageRepository } from './raw-images/face-raw-image.repository';
import { VerifiedFaceReferenceRepository } from './verified-face-reference.repository';

/**
 * Face enrolment, liveness challenges, face checks with face-check tokens, and the human-review path.
 * Needs PlatformModule (DataSource, auth, IdentityEnv, Clock) with FACE_ENTITIES / FACE_MIGRATIONS in the
 * service lists, and field encryption registered (face_templates.descriptor is an @EncryptedColumn).
 * Global within identity: account erasure (real-name module) also erases face data.
 */
@Global()
@Module({
  controllers: [FaceController, FacePreAuthController, FaceConsentConsumer, FaceImagesController],
  providers: [
    {
      provide: FACE_ENGINE,
      useFactory: (env: IdentityEnv): Promise<FaceEngine> =>
        WorkerPoolFaceEngine.start({ workers: env.FACE_WORKERS }),
      inject: [IdentityEnv],
    },
    {
      provide: FaceCheckTokenIssuer,
      useFactory: (env: IdentityEnv): FaceCheckTokenIssuer =>
        new FaceCheckTokenIssuer({
          keyId: env.FACE_CHECK_KEY_ID,
          privateKey: parseFaceCheckPrivateKey(env.FACE_CHECK_PRIVATE_KEY),
          ttlSeconds: FACE_CHECK_TOKEN_TTL_SECONDS,
        }),
      inject: [IdentityEnv],
    },
    LivenessSteps,
    {
      // Loaded in the background when identity starts, and only when challenges can ask for face actions.
      provide: FACE_MESH_ENGINE,
      useFactory: (steps: LivenessSteps): FaceMeshEngine | null =>
        steps.faceActions ? WorkerFaceMeshEngine.start() : null,
      inject: [LivenessSteps],
    },
    {
      provide: LivenessProvider,
      useFactory: (env: IdentityEnv, clock: Clock, mesh: FaceMeshEngine | null): LivenessProvider =>
        env.LIVENESS_PROVIDER === 'authority'
          ? new AuthorityLivenessProvider(env, clock)
          : new LocalLivenessProvider(pixelFlatPictureCheck, mesh),
      inject: [IdentityEnv, Clock, FACE_MESH_ENGINE],
    },
    FaceCaptureService,
    FaceRawImageRepository,
    FaceChallengeRepository,
    FaceVerificationRepository,
    FaceReviewRepository,
    FaceTemplateRepository,
    FaceCaptureFingerprintRepository,
    FaceReplayGuard,
    FaceConsentRepository,
    VerifiedFaceReferenceRepository,
    FaceImagePolicyRepository,
    FaceImagePolicyService,
    PreAuthIpBudget,
    PreAuthIpFailureRepository,
    FaceEnrolmentService,
    FaceAttemptBudgetRepository,
    FaceAttemptsService,
    FaceCheckService,
    FaceReviewService,
    FaceConsentService,
  ],
  exports: [
    FACE_ENGINE,
    LivenessProvider,
    LivenessSteps,
    FaceReplayGuard,
    FaceCheckService,
    FaceEnrolmentService,
    FaceConsentService,
  ],
})
export class FaceModule implements OnModuleDestroy {
  constructor(
    @Inject(FACE_ENGINE) private readonly engine: FaceEngine,
    @Inject(FACE_MESH_ENGINE) private readonly mesh: FaceMeshEngine | null,
  ) {}

  async onModuleDestroy(): Promise<void> {
    if (this.engine instanceof WorkerPoolFaceEngine) await this.engine.close();
    await this.mesh?.close();
  }
}
