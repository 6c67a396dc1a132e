import { randomInt } from 'node:crypto';

/** A mainland mobile number that no earlier run used (199 + 8 random digits). */
export function freshPhone(): string {
  return `199${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

export function freshEmail(): string {
  return `web-${Date.now().toString(36)}-${randomInt(0, 1_000_000).toString(36)}@example.com`;
}

export const STRONG_PASSWORD = 'Exam-Room-2026-Tiger!';

/** The demo seed's accounts (scripts/seed-demo.ts), present on every platform that `npm run start:local` started. */
export const DEMO = {
  password: 'Demo-Exam-Platform-2026',
  orgAdmin: 'demo_org_admin',
  orgStaff: 'demo_org_staff',
  /** platform_admin: the security console's admin-only pages and the platform's payment statements. */
  platformAdmin: 'demo_admin',
  verifiedCandidate: 'demo_candidate1',
  secondCandidate: 'demo_candidate2',
  unverifiedCandidate: 'demo_candidate3',
} as const;
