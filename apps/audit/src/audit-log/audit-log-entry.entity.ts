import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the hash chain. Append-only: the service's database user may INSERT and SELECT, nothing else. */
@Entity({ name: 'audit_log_entries' })
export class AuditLogEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) stream!: string;
  @PrimaryColumn({ type: 'bigint', unsigned: true }) seq!: string;
  @Column({ name: 'event_id', type: 'char', length: 36 }) eventId!: string;
  @Column({ name: 'event_type', type: 'varchar', length: 96 }) eventType!: string;
  @Column({ type: 'varchar', length: 64 }) producer!: string;
  @Column({ name: 'occurred_at', type: 'varchar', length: 24 }) occurredAt!: string;
  @Column({ name: 'recorded_at', type: 'varchar', length: 24 }) recordedAt!: string;
  @Column({ name: 'trace_id', type: 'varchar', length: 128 }) traceId!: string;
  @Column({ name: 'subject_user_id', type: 'char', length: 36, nullable: true }) subjectUserId!:
    string | null;
  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true }) actorId!: string | null;
  @Column({ name: 'institution_id', type: 'char', length: 36, nullable: true }) institutionId!: string | null;
  @Column({ name: 'ip_masked', type: 'varchar', length: 64, nullable: true }) ipMasked!: string | null;
  /** Canonical JSON text, stored verbatim so re-hashing never depends on the database's JSON formatting. */
  @Column({ type: 'text' }) attributes!: string;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash!: string;
  /** Fingerprint of the HMAC key of `hash`; NULL on legacy rows hashed with plain SHA-256. */
  @Column({ name: 'mac_key_id', type: 'char', length: 16, nullable: true }) macKeyId!: string | null;
  @Column({ type: 'char', length: 64 }) hash!: string;
}

/** The current end of each stream; its row lock serializes appends so seq stays gapless under concurrency. */
@Entity({ name: 'audit_stream_heads' })
export class AuditStreamHeadEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) stream!: string;
  @Column({ name: 'last_seq', type: 'bigint', unsigned: true }) lastSeq!: string;
  @Column({ name: 'last_hash', type: 'char', length: 64 }) lastHash!: string;
}
