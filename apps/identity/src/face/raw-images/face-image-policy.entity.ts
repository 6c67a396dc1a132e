import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One institution's rule for raw enrolment images (absent row: nothing is kept). */
@Entity({ name: 'face_image_policies' })
export class FaceImagePolicyEntity {
  @PrimaryColumn({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'keep_raw_image', type: 'boolean' }) keepRawImage!: boolean;
  @Column({ name: 'retention_days', type: 'int', nullable: true }) retentionDays!: number | null;
  @Column({ name: 'updated_by', type: 'char', length: 36 }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
