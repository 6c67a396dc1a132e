import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed pre-sign-in face checks per client IP (keyed digest) and hour, shared by every identity replica. */
export class FacePreauthIpFailures1764600000020 implements MigrationInterface {
  readonly name = 'FacePreauthIpFailures1764600000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE face_preauth_ip_failures (
        ip_digest CHAR(64) NOT NULL,
        window_start DATETIME NOT NULL,
        failures INT NOT NULL,
        PRIMARY KEY (ip_digest, window_start),
        KEY ix_face_preauth_ip_failures_window (window_start)
      ) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE face_preauth_ip_failures');
  }
}
