import { createConnection, type ResultSetHeader } from 'mysql2/promise';

/**
 * The longest cooling period accounts accepts (FACE_ENROLMENT_COOLING_SECONDS, at most 30 days in
 * apps/accounts/src/config/accounts.env.ts): an enrolment older than this has cooled down whatever the platform
 * is configured with.
 */
const LONGEST_COOLING_SECONDS = 2_592_000;

/**
 * Makes the account's face enrolment a little over 30 days old, as if the candidate had enrolled a month ago.
 *
 * Why: accounts keeps a newly enrolled face out of face sign-in and password recovery for its cooling period
 * (FACE_ENROLMENT_COOLING_SECONDS, 3 days by default), judged from the `enrolledAt` of the face-check token, which
 * identity takes from the enrolment row (face_templates.enrolled_at). A journey cannot wait three days, so it
 * moves that one timestamp back: this stands for time passing, not a bypass. The rule itself is untouched:
 * accounts still compares the token's enrolledAt with its own configuration (no environment change), the token
 * is still signed by identity, and the refusals of a fresh enrolment stay tested (face-sign-in.pw.ts,
 * password-recovery.pw.ts).
 *
 * It needs the test platform's database: identity's MariaDB schema `${PLATFORM_DATABASE_PREFIX ?? 'webtest'}_identity`
 * on 127.0.0.1 as root without a password, as scripts/test-web.sh starts it. It refuses a schema whose name does
 * not mark it as a test one.
 */
export async function ageFaceEnrolment(userId: string): Promise<void> {
  const database = `${process.env.PLATFORM_DATABASE_PREFIX ?? 'webtest'}_identity`;
  if (!database.includes('test'))
    throw new Error(`refusing to change ${database}: only a test platform's identity database`);
  const connection = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database });
  try {
    const [result] = await connection.execute<ResultSetHeader>(
      'UPDATE face_templates SET enrolled_at = enrolled_at - INTERVAL ? SECOND WHERE user_id = ?',
      [LONGEST_COOLING_SECONDS + 3_600, userId],
    );
    if (result.affectedRows !== 1) throw new Error(`no face enrolment of ${userId} in ${database}`);
  } finally {
    await connection.end();
  }
}
