import { randomUUID } from 'node:crypto';

import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/** An institution (单位), the tenant of exams and staff. Contact and invoice recipient data are encrypted. */
@Entity({ name: 'institutions' })
export class InstitutionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ type: 'varchar', length: 128 }) name = '';
  @EncryptedColumn({ name: 'contact_phone', nullable: true }) contactPhone: string | null = null;
  @EncryptedColumn({ name: 'contact_email', nullable: true }) contactEmail: string | null = null;
  /** Unified social credit code: public registry data, stored plain. */
  @Column({ name: 'organisation_code', type: 'varchar', length: 32, nullable: true }) organisationCode:
    string | null = null;
  @Column({ name: 'invoice_bank', type: 'varchar', length: 128, nullable: true }) invoiceBank: string | null =
    null;
  @EncryptedColumn({ name: 'invoice_recipient', nullable: true }) invoiceRecipient: string | null = null;
  @EncryptedColumn({ name: 'invoice_address', nullable: true }) invoiceAddress: string | null = null;
  @Column({ name: 'invoice_postcode', type: 'varchar', length: 6, nullable: true }) invoicePostcode:
    string | null = null;
  @Column({ name: 'created_by', type: 'char', length: 36 }) createdBy = '';
  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
}
