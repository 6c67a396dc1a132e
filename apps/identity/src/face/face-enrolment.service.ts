import { Injectable, Inject } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { encodeDescriptor } from './engine/face-geometry';
import { FaceCaptureService } from './face-capture.service';
import { FACE_CLOCK, type FaceClock } from './face-clock';
import { FaceConsentEntity } from './face-consent.entity';
import { FaceAlreadyEnrolledError, FaceConsentRequiredError } from './face.errors';
import { FaceTemplateEntity } from './face-template.entity';

export interface EnrolFaceCommand {
  readonly userId: string;
  readonly image: Buffer;
  readonly consent: boolean;
  readonly consentPolicyVersion: string;
}

export interface FaceEnrolment {
  readonly userId: string;
  readonly modelVersion: string;
  readonly enrolledAt: Date;
}

/** Enrolment and its undoing. Only the descriptor is kept; the uploaded image is dropped after analysis. */
@Injectable()
export class FaceEnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly capture: FaceCaptureService,
    @Inject(FACE_CLOCK) private readonly clock: FaceClock,
  ) {}

  async enrol(command: EnrolFaceCommand): Promise<FaceEnrolment> {
    if (!command.consent) throw new FaceConsentRequiredError();
    if (await this.dataSource.getRepository(FaceTemplateEntity).existsBy({ userId: command.userId })) {
      throw new FaceAlreadyEnrolledError();
    }
    const { face } = await this.capture.singleFace(command.image, 'image');
    const now = this.clock.now();
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
    });
    return { userId: template.userId, modelVersion: template.modelVersion, enrolledAt: template.enrolledAt };
  }

  /** Withdrawing face consent stops face processing and erases the template. */
  async withdraw(userId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.eraseBiometrics(manager, userId));
  }

  /**
   * Stops face processing for the user inside the caller's transaction: the template goes and the consent is
   * marked withdrawn (decisions stay, they hold no biometric). Used by consent withdrawal and by a guardian's
   * withdrawal of consent for a child.
   */
  async eraseBiometrics(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(FaceTemplateEntity, { userId });
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
