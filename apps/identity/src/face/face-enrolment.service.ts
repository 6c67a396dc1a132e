import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { encodeDescriptor } from './engine/face-geometry';
import { FaceAlreadyEnrolledError, FaceConsentRequiredError } from './face.errors';
import { FaceCaptureService } from './face-capture.service';
import { FaceConsentEntity } from './face-consent.entity';
import { FaceTemplateEntity } from './face-template.entity';
import { FaceInstitutionNotMemberError } from './raw-images/face-image.errors';
import { DEFAULT_FACE_IMAGE_POLICY, rawImageExpiry } from './raw-images/face-image-policy.rules';
import { FaceRawImageRepository } from './raw-images/face-raw-image.repository';

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
    private readonly clock: Clock,
  ) {}

  async enrol(command: EnrolFaceCommand): Promise<FaceEnrolment> {
    if (!command.consent) throw new FaceConsentRequiredError();
    const institution = command.institution;
    if (institution !== undefined && !institution.callerInstitutionIds.includes(institution.id))
      throw new FaceInstitutionNotMemberError();
    if (await this.dataSource.getRepository(FaceTemplateEntity).existsBy({ userId: command.userId })) {
      throw new FaceAlreadyEnrolledError();
    }
    const { face } = await this.capture.singleFace(command.image, 'image');
    const now = this.clock.now();
    const policy =
      institution === undefined ? DEFAULT_FACE_IMAGE_POLICY : await this.rawImages.policyOf(institution.id);
    const expiresAt = rawImageExpiry(policy, now);
    const template = Object.assign(new FaceTemplateEntity(), {
      userId: command.userId,
      descriptor: encodeDescriptor(face.descriptor),
      modelVersion: this.capture.modelVersion,
      detectionScore: face.score,
      faceWidthPx: Math.round(face.box.width),
      enrolledAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        FaceConsentEntity,
        {
          userId: command.userId,
          policyVersion: command.consentPolicyVersion,
          grantedAt: now,
          withdrawnAt: null,
        },
        ['userId'],
      );
      // Checked again in the transaction: re-enrolment replaces nothing without a withdrawal first.
      const exists = await manager.existsBy(FaceTemplateEntity, { userId: command.userId });
      if (exists) throw new FaceAlreadyEnrolledError();
      await manager.save(template);
      if (institution !== undefined && expiresAt !== null) {
        await this.rawImages.keep(manager, {
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

  /** Withdrawing face consent stops face processing and erases the template. */
  async withdraw(userId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.eraseBiometrics(manager, userId));
  }

  /**
   * Stops face processing for the user inside the caller's transaction: the template and any kept raw images go
   * and the consent is marked withdrawn (decisions stay, they hold no biometric). Used by consent withdrawal and
   * by a guardian's withdrawal of consent for a child.
   */
  async eraseBiometrics(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(FaceTemplateEntity, { userId });
    await this.rawImages.eraseUser(manager, userId);
    await manager.update(FaceConsentEntity, { userId }, { withdrawnAt: this.clock.now() });
  }

  /** Records explicit face-biometrics consent given in a face flow (enrolment, real-name face step). */
  async grantConsent(userId: string, policyVersion: string): Promise<void> {
    await this.dataSource
      .getRepository(FaceConsentEntity)
      .upsert({ userId, policyVersion, grantedAt: this.clock.now(), withdrawnAt: null }, ['userId']);
  }

  async hasConsent(userId: string): Promise<boolean> {
    const consent = await this.dataSource.getRepository(FaceConsentEntity).findOneBy({ userId });
    return consent !== null && consent.withdrawnAt === null;
  }
}
