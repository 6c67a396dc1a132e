import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, relay lease and inbox tables; every service's migrations start with this one. */
export class PlatformMessagingTables1764115200000 implements MigrationInterface {
  name = 'PlatformMessagingTables1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        seq BIGINT NOT NULL AUTO_INCREMENT,
        event_id CHAR(36) NOT NULL,
        topic VARCHAR(200) NOT NULL,
        partition_key VARCHAR(128) NOT NULL,
        envelope LONGTEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        sent_at DATETIME(3) NULL,
        PRIMARY KEY (seq),
        UNIQUE KEY ux_outbox_event_id (event_id),
        KEY ix_outbox_unsent (sent_at, seq)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE outbox_relay_lease (
        name VARCHAR(32) NOT NULL,
        owner VARCHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        PRIMARY KEY (name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE inbox_events (
        consumer_group VARCHAR(100) NOT NULL,
        event_id CHAR(36) NOT NULL,
        topic VARCHAR(200) NOT NULL,
        processed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (consumer_group, event_id),
        KEY ix_inbox_processed_at (processed_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_events');
    await queryRunner.query('DROP TABLE outbox_relay_lease');
    await queryRunner.query('DROP TABLE outbox_events');
  }
}
