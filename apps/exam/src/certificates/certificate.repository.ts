import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';

import { CertificateEntity } from './certificate.entity';
import type { RevocationReason } from './domain/certificate-revocation';

/** Issued certificates. */
@Injectable()
export class CertificateRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOfHolder(examId: string, userId: string): Promise<CertificateEntity | null> {
    return this.certificates.findOne({ where: { examId, userId } });
  }

  findByCode(code: string): Promise<CertificateEntity | null> {
    return this.certificates.findOne({ where: { verificationCode: code } });
  }

  /** Throws a duplicate-key error when the holder already has one (a parallel issue) or the code is taken. */
  async insert(tx: EntityManager, certificate: CertificateEntity): Promise<void> {
    await tx.getRepository(CertificateEntity).insert(certificate);
  }

  /** Revokes the certificates of an attempt that are not revoked yet; returns how many. */
  async revokeOfAttempt(
    tx: EntityManager | null,
    attemptId: string,
    reason: RevocationReason,
    now: Date,
  ): Promise<number> {
    const result = await (tx ? tx.getRepository(CertificateEntity) : this.certificates).update(
      { attemptId, revokedAt: IsNull() },
      { revokedAt: now, revokedReason: reason },
    );
    return result.affected ?? 0;
  }
}
