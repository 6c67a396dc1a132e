import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThanOrEqual, QueryFailedError } from 'typeorm';

import { PolicyVersionEntity } from './policy-version.entity';

/** Persistence of published privacy policy versions (never edited or deleted). */
@Injectable()
export class PolicyVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The version in force at `now`: the latest effective one. */
  async inForce(tx: EntityManager | null, now: Date): Promise<PolicyVersionEntity | null> {
    return (tx ?? this.dataSource.manager).findOne(PolicyVersionEntity, {
      where: { effectiveAt: LessThanOrEqual(now) },
      order: { effectiveAt: 'DESC' },
    });
  }

  /** Every version without its text, newest first. */
  async list(): Promise<PolicyVersionEntity[]> {
    return this.dataSource.getRepository(PolicyVersionEntity).find({
      select: { id: true, version: true, effectiveAt: true, materialChange: true },
      order: { effectiveAt: 'DESC' },
      take: 200,
    });
  }

  async findByVersion(version: string): Promise<PolicyVersionEntity | null> {
    return this.dataSource.getRepository(PolicyVersionEntity).findOneBy({ version });
  }

  /** False when a version of that name exists already (the unique index decides). */
  async insert(policy: PolicyVersionEntity): Promise<boolean> {
    try {
      await this.dataSource.getRepository(PolicyVersionEntity).insert(policy);
      return true;
    } catch (error: unknown) {
      if (error instanceof QueryFailedError && /Duplicate entry/.test(error.message)) return false;
      throw error;
    }
  }

  /**
   * The latest material change in force at `now`, and whether the user accepted it or a later version. On every
   * sign-in and refresh: one indexed query, in the caller's transaction or (null) on the pool.
   */
  async latestMaterialChange(
    tx: EntityManager | null,
    userId: string,
    now: Date,
  ): Promise<{ version: string; accepted: boolean } | undefined> {
    // Raw SQL, measured hot path: a correlated EXISTS over acceptances in one round trip on every sign-in and refresh.
    const rows: { version: string; accepted: number | string }[] = await (
      tx ?? this.dataSource.manager
    ).query(
      `SELECT m.version AS version,
              EXISTS (SELECT 1 FROM policy_acceptances a JOIN policy_versions v ON v.version = a.version
                       WHERE a.user_id = ? AND v.effective_at >= m.effective_at) AS accepted
         FROM policy_versions m
        WHERE m.material_change = 1 AND m.effective_at <= ?
        ORDER BY m.effective_at DESC LIMIT 1`,
      [userId, now],
    );
    const material = rows.at(0);
    return material === undefined
      ? undefined
      : { version: material.version, accepted: Number(material.accepted) === 1 };
  }
}
