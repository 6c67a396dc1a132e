import { randomUUID } from 'node:crypto';

import { BlindIndexColumn, EncryptedColumn, EncryptedEntity } from '@exam/crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

import { ID_NUMBER_INDEX_KEY_ID } from './real-name-keys';

/**
 * A user's verified real name. One per user, and one per ID number (unique blind index). The encrypted values
 * are bound to the row and to its owner (the user id is the AAD's tenant): a row or ciphertext moved to another
 * account no longer decrypts.
 */
@Entity({ name: 'real_name_records' })
@EncryptedEntity({ tenantProperty: 'userId' })
export class RealNameRecordEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();

  @Column({ name: 'user_id', type: 'char', length: 36, unique: true }) userId!: string;

  @EncryptedColumn({ name: 'name' }) name!: string;

  @EncryptedColumn({ name: 'id_number' }) idNumber!: string;

  @BlindIndexColumn({
    name: 'id_number_bidx',
    source: 'idNumber',
    kind: 'idNumber',
    keyId: ID_NUMBER_INDEX_KEY_ID,
    unique: true,
  })
  idNumberBidx: string | null = null;

  @Column({ name: 'valid_from', type: 'char', length: 10 }) validFrom!: string;

  /** YYYY-MM-DD or `long-term` (长期). */
  @Column({ name: 'valid_to', type: 'varchar', length: 10 }) validTo!: string;

  @Column({ name: 'birth_date', type: 'char', length: 10 }) birthDate!: string;

  @Column({ type: 'varchar', length: 6 }) gender!: 'male' | 'female';

  /** Under 18 on the day of verification; consumers recompute from the birth date for later days. */
  @Column({ type: 'boolean' }) minor!: boolean;

  /** The authority matched the live capture with its register photo (the face step), not only name and number. */
  @Column({ name: 'face_verified', type: 'boolean', default: false }) faceVerified!: boolean;

  /**
   * Whether the values are encrypted with the owner in their AAD. Rows written before that (false) are
   * re-encrypted by RealNameRecordRepository.bindOwners before the ORM reads them.
   */
  @Column({ name: 'owner_bound', type: 'boolean', default: true }) ownerBound: boolean = true;

  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;

  @CreateDateColumn({ name: 'verified_at', type: 'datetime', precision: 3 }) verifiedAt!: Date;
}
