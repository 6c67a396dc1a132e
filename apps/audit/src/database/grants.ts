/** Tables the audit service may only append to and read: the hash chain itself. */
export const APPEND_ONLY_TABLES = ['audit_log_entries'] as const;

/** Tables whose rows move forward in place (stream heads) but are never deleted. */
export const ADVANCE_ONLY_TABLES = ['audit_stream_heads'] as const;

/** Working tables of the service (projections, alerts, inbox/outbox) with ordinary read-write access. */
export const READ_WRITE_TABLES = [
  'inbox_events',
  'outbox_events',
  'outbox_relay_lease',
  'login_profiles',
  'login_source_failures',
  'login_source_locks',
  'login_assessments',
  'risk_rules',
  'risk_settings',
  'security_alerts',
  'alert_comments',
  'account_actions',
  'alert_dedup_slots',
  'login_appeals',
  'pi_incidents',
] as const;

/**
 * The grants of the service's runtime database user (migrations run as a separate schema owner).
 * docs: apps/audit/docs/database-grants.md; proven by apps/audit/test/audit-chain.e2e-spec.ts.
 */
export function AUDIT_SERVICE_GRANTS(database: string, user: string, host = '%'): string[] {
  const who = `'${user}'@'${host}'`;
  return [
    ...APPEND_ONLY_TABLES.map((t) => `GRANT SELECT, INSERT ON \`${database}\`.\`${t}\` TO ${who}`),
    ...ADVANCE_ONLY_TABLES.map((t) => `GRANT SELECT, INSERT, UPDATE ON \`${database}\`.\`${t}\` TO ${who}`),
    ...READ_WRITE_TABLES.map(
      (t) => `GRANT SELECT, INSERT, UPDATE, DELETE ON \`${database}\`.\`${t}\` TO ${who}`,
    ),
  ];
}
