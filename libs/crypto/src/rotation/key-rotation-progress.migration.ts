import { MigrationInterface, QueryRunner } from 'typeorm';

import { KEY_ROTATION_PROGRESS_TABLE } from './key-rotation-progress.entity';

/** Creates the table behind KeyRotationProgressEntity; add it to the migrations of every service with encrypted columns. */
export class CryptoKeyRotationProgress1764201600000 implements MigrationInterface {
  readonly name = 'CryptoKeyRotationProgress1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS \`${KEY_ROTATION_PROGRESS_TABLE}\` (
        \`job\` varchar(191) NOT NULL,
        \`target_key_id\` varchar(64) NOT NULL,
        \`last_row_id\` varchar(255) NULL,
        \`rows_scanned\` int unsigned NOT NULL DEFAULT 0,
        \`rows_changed\` int unsigned NOT NULL DEFAULT 0,
        \`completed_at\` datetime NULL,
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        PRIMARY KEY (\`job\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS \`${KEY_ROTATION_PROGRESS_TABLE}\``);
  }
}
