import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { decodeDescriptor, descriptorDistance, encodeDescriptor } from './engine/face-geometry';
import {
  FaceAlreadyEnrolledError,
  FaceConsentRequiredError,
  FaceNotVerifiedPersonError,
} from './face.errors';
import { FACE_MATCH_THRESHOLD } from './face.policy';
import { FaceCaptureService, type SingleFace } from './face-capture.service';
import { FaceConsentRepository } from './face-consent.repository';
import { FaceTemplateEntity } from './face-template.entity';
import { FaceTemplateRepository } from './face-template.repository';
import { FaceInstitutionNotMemberError } from './raw-images/face-image.errors';
import { FaceImagePolicyRepository } from './raw-images/face-image-policy.repository';
import {
  DEFAULT_FACE_IMAGE_POLICY,
  type FaceImagePolicy,
  rawImageExpiry,
} from './raw-images/face-image-policy.rules';
import { FaceRawImageRepository } from './raw-images/face-raw-image.repository';
import { VerifiedFaceReferenceEntity } from './verified-face-reference.entity';
import { VerifiedFaceReferenceRepository } from './verified-face-reference.repository';

export interface EnrolFaceCommand {
  readonly userId: string;
  readonly image: Buffer;
  readonly consent: boolean;
  readonly consentPolicyVersion: string;
  /**
   * The institution the candidate enrols for, with the institutions the caller's token says they belong to.
   * Only that institution's raw-image policy can make the image be kept.
   */
  readonly institution?: { readonly id: string; readonly callerInstitutionIds: readonly string[] };
}

export interface FaceEnrolment {
  readonly userId: string;
  readonly modelVersion: string;
  readonly enrolledAt: Date;
  /** Whether the uploaded image was kept (encrypted, for the institution) and until when. */
  readonly rawImage: {
    readonly kept: boolean;
    readonly institutionId: string | null;
    readonly expiresAt: Date | null;
  };
}

/**
 * Enrolment and its undoing. The descriptor is kept; the uploaded image is dropped after analysis unless the
 * institution enrolled for has a policy to keep it, and then it is kept encrypted until its expiry.
 */
@Injectable()
export class FaceEnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly capture: FaceCaptureService,
    private readonly rawImages: FaceRawImageRepository,
    private readonly policies: FaceImagePolicyRepository,
    private readonly templates: FaceTemplateRepository,
    private readonly consents: FaceConsentRepository,
    private readonly references: VerifiedFaceReferenceRepository,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
  ) {}

  async enrol(command: EnrolFaceCommand): Promise<FaceEnrolment> {
    if (!command.consent) throw new FaceConsentRequiredError();
    const institution = command.institution;
    if (institution !== undefined && !institution.callerInstitutionIds.includes(institution.id))
      throw new FaceInstitutionNotMemberError();
    if (await this.templates.existsForUser(command.userId)) throw new FaceAlreadyEnrolledError();
    const { face } = await this.capture.singleFace(command.image, 'image');
    // A face-verified real name fixes whose face this account may enrol: only the verified person's.
    const reference = await this.references.findByUser(command.userId);
    if (reference !== null) {
      const distance = descriptorDistance(face.descriptor, decodeDescriptor(reference.descriptor));
      if (distance > FACE_MATCH_THRESHOLD)
        throw new FaceNotVerifiedPersonError(distance, FACE_MATCH_THRESHOLD);
    }
    const now = this.clock.now();
    const policy =
      institution === undefined ? DEFAULT_FACE_IMAGE_POLICY : await this.policyOf(institution.id);
    const expiresAt = rawImageExpiry(policy, now);
    const template = Object.assign(new FaceTemplateEntity(), {
      userId: command.userId,
      descriptor: encodeDescriptor(face.descriptor),
      modelVersion: this.capture.modelVersion,
      detectionScore: face.score,
      faceWidthPx: Math.round(face.box.width),
      enrolledAt: now,
    });
    await this.dataSource.transaction(async (tx) => {
      await this.consents.upsert(
        {
          userId: command.userId,
          policyVersion: command.consentPolicyVersion,
          grantedAt: now,
          withdrawnAt: null,
        },
        tx,
      );
      // Checked again in the transaction: re-enrolment replaces nothing without a withdrawal first.
      if (await this.templates.existsForUser(command.userId, tx)) throw new FaceAlreadyEnrolledError();
      await this.templates.save(tx, template);
      await this.events.stage(tx, Topics.FaceEnrolmentChanged, {
        subjectId: command.userId,
        payload: { userId: command.userId, change: 'enrolled', changedAt: now.toISOString() },
      });
      if (institution !== undefined && expiresAt !== null) {
        await this.rawImages.keep(tx, {
          userId: command.userId,
          institutionId: institution.id,
          image: command.image,
          at: now,
          expiresAt,
        });
      }
    });
    return {
      userId: template.userId,
      modelVersion: template.modelVersion,
      enrolledAt: template.enrolledAt,
      rawImage: {
        kept: expiresAt !== null,
        institutionId: expiresAt === null ? null : (institution?.id ?? null),
        expiresAt,
      },
    };
  }

  /**
   * Real-name verification with the face step matched: inside its transaction, the analysed live capture the
   * authority matched becomes the verified face of the account, and the enrolled template is derived from it
   * (any earlier template, and raw images kept with it, are replaced: they may show someone else).
   */
  async adoptVerifiedCapture(
    tx: EntityManager,
    userId: string,
    attemptId: string,
    capture: SingleFace,
  ): Promise<void> {
    const now = this.clock.now();
    const descriptor = encodeDescriptor(capture.face.descriptor);
    await this.references.save(
      tx,
      Object.assign(new VerifiedFaceReferenceEntity(), {
        userId,
        descriptor,
        modelVersion: this.capture.modelVersion,
        attemptId,
        verifiedAt: now,
      }),
    );
    await this.templates.deleteByUser(tx, userId);
    await this.rawImages.deleteByUser(tx, userId);
    await this.templates.save(
      tx,
      Object.assign(new FaceTemplateEntity(), {
        userId,
        descriptor,
        modelVersion: this.capture.modelVersion,
        detectionScore: capture.face.score,
        faceWidthPx: Math.round(capture.face.box.width),
        enrolledAt: now,
      }),
    );
  }

  /** The real-name record went (erasure, guardian withdrawal, revocation on appeal): its verified face goes too. */
  async forgetVerifiedFace(tx: EntityManager, userId: string): Promise<void> {
    await this.references.deleteByUser(tx, userId);
  }

  /** Withdrawing face consent stops face processing and erases the template. */
  async withdraw(userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.eraseBiometrics(tx, userId);
      await this.events.stage(tx, Topics.FaceEnrolmentChanged, {
        subjectId: userId,
        payload: { userId, change: 'withdrawn', changedAt: this.clock.now().toISOString() },
      });
    });
  }

  /**
   * Stops face processing for the user inside the caller's transaction: the template and any kept raw images go
   * and the consent is marked withdrawn (decisions stay, they hold no biometric). Used by consent withdrawal and
   * by a guardian's withdrawal of consent for a child. The verified face stays with the real-name record (it
   * is only read again after a new consent, to hold re-enrolment to the verified person); it goes with the
   * record (account erasure, guardian withdrawal, revocation).
   */
  async eraseBiometrics(tx: EntityManager, userId: string): Promise<void> {
    await this.templates.deleteByUser(tx, userId);
    await this.rawImages.deleteByUser(tx, userId);
    await this.consents.markWithdrawn(tx, userId, this.clock.now());
  }

  /** Records explicit face-biometrics consent given in a face flow (enrolment, real-name face step). */
  async grantConsent(userId: string, policyVersion: string): Promise<void> {
    await this.consents.upsert({ userId, policyVersion, grantedAt: this.clock.now(), withdrawnAt: null });
  }

  async hasConsent(userId: string): Promise<boolean> {
    const consent = await this.consents.findByUser(userId);
    return consent !== null && consent.withdrawnAt === null;
  }

  private async policyOf(institutionId: string): Promise<FaceImagePolicy> {
    const row = await this.policies.findByInstitution(institutionId);
    return row === null
      ? DEFAULT_FACE_IMAGE_POLICY
      : { keepRawImage: row.keepRawImage, retentionDays: row.retentionDays };
  }
}
