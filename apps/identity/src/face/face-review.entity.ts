import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FaceReviewStatus = 'open' | 'upheld' | 'overturned';

/** A user's request for a human to look at an automated face decision (appeal). */
@Entity({ name: 'face_review_requests' })
export class FaceReviewEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'verification_id', type: 'char', length: 36, unique: true }) verificationId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 1000 }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: FaceReviewStatus;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'reviewer_id', type: 'char', length: 36, nullable: true }) reviewerId!: string | null;
  @Column({ name: 'review_note', type: 'varchar', length: 1000, nullable: true }) reviewNote!: string | null;
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true }) resolvedAt!: Date | null;
}
