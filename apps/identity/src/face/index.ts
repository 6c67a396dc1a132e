import { FaceChallengeEntity } from './face-challenge.entity';
import { FaceConsentEntity } from './face-consent.entity';
import { FaceReviewEntity } from './face-review.entity';
import { FaceTemplateEntity } from './face-template.entity';
import { FaceVerificationEntity } from './face-verification.entity';
import { FaceCaptureFingerprintEntity } from './liveness/face-capture-fingerprint.entity';
import { FaceImagePolicyEntity } from './raw-images/face-image-policy.entity';
import { FaceRawImageEntity } from './raw-images/face-raw-image.entity';
import { VerifiedFaceReferenceEntity } from './verified-face-reference.entity';

export { FACE_MIGRATIONS } from '../database/migrations';
export { type DetectedFace, FACE_ENGINE, type FaceAnalysis, type FaceEngine } from './engine/face-engine';
export { FACE_MODEL_VERSION, WorkerPoolFaceEngine } from './engine/worker-pool-face-engine';
export { FaceModule } from './face.module';
export { FACE_MATCH_THRESHOLD } from './face.policy';
export { FaceConsentService } from './face-consent.service';
export { FaceRawImageRepository } from './raw-images/face-raw-image.repository';

/** Face entities; merged into IDENTITY_ENTITIES by the service. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const FACE_ENTITIES: Function[] = [
  FaceTemplateEntity,
  FaceConsentEntity,
  FaceChallengeEntity,
  FaceVerificationEntity,
  FaceReviewEntity,
  FaceImagePolicyEntity,
  FaceRawImageEntity,
  VerifiedFaceReferenceEntity,
  FaceCaptureFingerprintEntity,
];
