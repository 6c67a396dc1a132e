import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A face-check token accepted once: its `jti` is recorded in the transaction that uses it, so the same token
 * can never sign in or reset a password twice, on any replica. Rows outlive the tokens' few minutes only
 * until the retention job removes them.
 */
@Entity({ name: 'face_check_redemptions' })
@Index('ix_face_check_redemptions_redeemed', ['redeemedAt'])
export class FaceCheckRedemptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) jti = '';
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 32 }) purpose = '';
  @Column({ name: 'verification_id', type: 'varchar', length: 64 }) verificationId = '';
  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3 }) redeemedAt: Date = new Date();
}
