import { Injectable } from '@nestjs/common';
import type { InstitutionMembership, OrgRole } from '@exam/contracts';
import type { EntityManager } from 'typeorm';
import { groupMemberships, MAX_MEMBERSHIPS } from '../institutions/memberships.reader';
import { PrivacyService } from '../privacy/privacy.service';
import { Clock } from '../shared/clock';

/** What every access token is built from, read fresh for each one. */
export interface GrantFacts {
  readonly memberships: InstitutionMembership[];
  /** A materially changed privacy policy the user has not accepted yet, or null. */
  readonly policyToAccept: string | null;
}

interface FactsRow {
  /** The latest material policy change in force (null if none), repeated on every row. */
  policy_version: string | null;
  policy_accepted: number | string | null;
  institution_id: string | null;
  role: OrgRole | null;
}

/**
 * One statement per token: the user's memberships (zero or more rows) beside the policy gate (one value),
 * joined onto a single-row base so the answer has at least one row. Sign-in and refresh are dominated by
 * their round trips, and these two reads used to be two of them.
 */
const GRANT_FACTS_SQL = `
  SELECT pv.version AS policy_version, pv.accepted AS policy_accepted, ms.institution_id, ms.role
    FROM (SELECT 1 AS one) base
    LEFT JOIN (
      SELECT m.version,
             EXISTS (SELECT 1 FROM policy_acceptances a JOIN policy_versions v ON v.version = a.version
                      WHERE a.user_id = ? AND v.effective_at >= m.effective_at) AS accepted
        FROM policy_versions m
       WHERE m.material_change = 1 AND m.effective_at <= ?
       ORDER BY m.effective_at DESC LIMIT 1
    ) pv ON 1 = 1
    LEFT JOIN (
      SELECT institution_id, role, created_at FROM memberships WHERE user_id = ? ORDER BY created_at LIMIT ${MAX_MEMBERSHIPS}
    ) ms ON 1 = 1
   ORDER BY ms.created_at`;

@Injectable()
export class GrantFactsReader {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly clock: Clock,
  ) {}

  async read(manager: EntityManager, userId: string): Promise<GrantFacts> {
    const rows: FactsRow[] = await manager.query(GRANT_FACTS_SQL, [userId, this.clock.now(), userId]);
    const memberships = groupMemberships(rows.flatMap((r) => (r.institution_id === null || r.role === null ? [] : [{ institutionId: r.institution_id, role: r.role }])));
    const material = rows.at(0);
    if (material === undefined || material.policy_version === null || Number(material.policy_accepted) === 1) return { memberships, policyToAccept: null };
    // Rare: something is pending. Ask for the version in force now (a later, non-material one may have followed).
    const current = await this.privacy.current(manager);
    return { memberships, policyToAccept: current?.version ?? material.policy_version };
  }
}
