import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The issued invoice's PDF, checked by its magic bytes and size before it is stored. */
@Entity({ name: 'payment_invoice_files' })
export class InvoiceFileEntity {
  @PrimaryColumn({ name: 'invoice_id', type: 'char', length: 36 }) invoiceId!: string;
  @Column({ type: 'mediumblob' }) content!: Buffer;
  @Column({ name: 'size_bytes', type: 'int', unsigned: true }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 }) uploadedAt!: Date;
}
