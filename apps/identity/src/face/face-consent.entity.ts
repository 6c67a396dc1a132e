import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Local projection of the user's face-biometrics consent: fed by accounts' `accounts.consent.changed` events
 * (FaceConsentConsumer) and by the explicit consent given with an enrolment. No face work runs without a
 * granted, unwithdrawn row.
 */
@Entity({ name: 'face_consents' })
export class FaceConsentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'policy_version', type: 'varchar', length: 32 }) policyVersion!: string;
  @Column({ name: 'granted_at', type: 'datetime', precision: 3 }) grantedAt!: Date;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt!: Date | null;
}
