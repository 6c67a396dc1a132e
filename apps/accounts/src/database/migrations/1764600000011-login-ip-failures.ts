import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-IP failed sign-in counters in the database, so throttling holds across replicas. */
export class LoginIpFailures1764600000011 implements MigrationInterface {
  readonly name = 'LoginIpFailures1764600000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_ip_failures (
        ip_digest CHAR(64) NOT NULL,
        window_start DATETIME NOT NULL,
        failures INT NOT NULL,
        PRIMARY KEY (ip_digest, window_start),
        KEY ix_login_ip_failures_window (window_start)
      ) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_ip_failures');
  }
}
