import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins of one client IP in one fixed minute, shared by every accounts replica. The IP is kept
 * only as a keyed digest, and rows live a few minutes (the retention job removes them).
 */
@Entity({ name: 'login_ip_failures' })
@Index('ix_login_ip_failures_window', ['windowStart'])
export class LoginIpFailureEntity {
  @PrimaryColumn({ name: 'ip_digest', type: 'char', length: 64 }) ipDigest = '';
  @PrimaryColumn({ name: 'window_start', type: 'datetime' }) windowStart: Date = new Date();
  @Column({ type: 'int' }) failures = 0;
}
