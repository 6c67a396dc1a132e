import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The exam domain of issue 13: banks, questions with versions, papers, exams, registrations (ADR 0040). */
export class CreateExamDomain1765100000000 implements MigrationInterface {
  readonly name = 'CreateExamDomain1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE question_banks (
        id CHAR(36) NOT NULL PRIMARY KEY,
        institution_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        description VARCHAR(2000) NOT NULL DEFAULT '',
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_question_banks_institution (institution_id, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE question_categories (
        id CHAR(36) NOT NULL PRIMARY KEY,
        bank_id CHAR(36) NOT NULL,
        parent_id CHAR(36) NULL,
        name VARCHAR(200) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY ix_question_categories_bank (bank_id),
        CONSTRAINT fk_question_categories_bank FOREIGN KEY (bank_id) REFERENCES question_banks (id) ON DELETE CASCADE,
        CONSTRAINT fk_question_categories_parent FOREIGN KEY (parent_id) REFERENCES question_categories (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE question_tags (
        id CHAR(36) NOT NULL PRIMARY KEY,
        bank_id CHAR(36) NOT NULL,
        name VARCHAR(100) NOT NULL,
        UNIQUE KEY ux_question_tags_name (bank_id, name),
        CONSTRAINT fk_question_tags_bank FOREIGN KEY (bank_id) REFERENCES question_banks (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE questions (
        id CHAR(36) NOT NULL PRIMARY KEY,
        bank_id CHAR(36) NOT NULL,
        category_id CHAR(36) NULL,
        type VARCHAR(16) NOT NULL,
        difficulty TINYINT UNSIGNED NOT NULL,
        score INT UNSIGNED NOT NULL,
        tags JSON NOT NULL,
        current_version INT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_questions_pool (bank_id, type, difficulty),
        KEY ix_questions_category (category_id),
        CONSTRAINT fk_questions_bank FOREIGN KEY (bank_id) REFERENCES question_banks (id) ON DELETE CASCADE,
        CONSTRAINT fk_questions_category FOREIGN KEY (category_id) REFERENCES question_categories (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE question_versions (
        question_id CHAR(36) NOT NULL,
        version INT UNSIGNED NOT NULL,
        content JSON NOT NULL,
        locked_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (question_id, version),
        CONSTRAINT fk_question_versions_question FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE papers (
        id CHAR(36) NOT NULL PRIMARY KEY,
        institution_id CHAR(36) NOT NULL,
        bank_id CHAR(36) NOT NULL,
        title VARCHAR(200) NOT NULL,
        kind VARCHAR(8) NOT NULL,
        sections JSON NOT NULL,
        total_score INT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY ix_papers_institution (institution_id, created_at),
        CONSTRAINT fk_papers_bank FOREIGN KEY (bank_id) REFERENCES question_banks (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE exams (
        id CHAR(36) NOT NULL PRIMARY KEY,
        institution_id CHAR(36) NOT NULL,
        paper_id CHAR(36) NOT NULL,
        code CHAR(8) NOT NULL,
        title VARCHAR(200) NOT NULL,
        notice MEDIUMTEXT NOT NULL,
        status VARCHAR(10) NOT NULL,
        visibility VARCHAR(12) NOT NULL,
        practice TINYINT(1) NOT NULL,
        opens_at DATETIME(3) NOT NULL,
        closes_at DATETIME(3) NOT NULL,
        registration_opens_at DATETIME(3) NULL,
        registration_closes_at DATETIME(3) NULL,
        capacity INT UNSIGNED NULL,
        seats_taken INT UNSIGNED NOT NULL DEFAULT 0,
        registration_seq INT UNSIGNED NOT NULL DEFAULT 0,
        fee_fen INT UNSIGNED NOT NULL,
        requires_real_name TINYINT(1) NOT NULL,
        requires_approval TINYINT(1) NOT NULL,
        settings JSON NOT NULL,
        paper_snapshot JSON NULL,
        published_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ux_exams_code (code),
        KEY ix_exams_institution (institution_id, status),
        KEY ix_exams_open (status, visibility, registration_closes_at),
        CONSTRAINT fk_exams_paper FOREIGN KEY (paper_id) REFERENCES papers (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE exam_accommodations (
        exam_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        extra_minutes INT UNSIGNED NOT NULL,
        window_opens_at DATETIME(3) NULL,
        window_closes_at DATETIME(3) NULL,
        extra_attempts INT UNSIGNED NOT NULL,
        note VARCHAR(500) NOT NULL DEFAULT '',
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (exam_id, user_id),
        CONSTRAINT fk_exam_accommodations_exam FOREIGN KEY (exam_id) REFERENCES exams (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE verified_candidates (
        user_id CHAR(36) NOT NULL PRIMARY KEY,
        verification_id CHAR(36) NOT NULL,
        masked_name VARCHAR(64) NOT NULL,
        masked_id_number VARCHAR(32) NOT NULL,
        minor TINYINT(1) NOT NULL,
        verified_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      `CREATE TABLE registrations (
        id CHAR(36) NOT NULL PRIMARY KEY,
        exam_id CHAR(36) NOT NULL,
        institution_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        registration_number VARCHAR(20) NOT NULL,
        ticket_number VARCHAR(20) NULL,
        status VARCHAR(16) NOT NULL,
        active TINYINT(1) NULL,
        form_data MEDIUMTEXT NOT NULL,
        masked_name VARCHAR(64) NULL,
        masked_id_number VARCHAR(32) NULL,
        fee_fen INT UNSIGNED NOT NULL,
        order_id CHAR(36) NULL,
        paid_fen INT UNSIGNED NULL,
        review_reason VARCHAR(500) NULL,
        reviewed_by CHAR(36) NULL,
        seed CHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        confirmed_at DATETIME(3) NULL,
        cancelled_at DATETIME(3) NULL,
        personal_data_erased_at DATETIME(3) NULL,
        UNIQUE KEY ux_registrations_number (registration_number),
        UNIQUE KEY ux_registrations_active (exam_id, user_id, active),
        KEY ix_registrations_exam (exam_id, status, created_at),
        KEY ix_registrations_user (user_id, created_at),
        CONSTRAINT fk_registrations_exam FOREIGN KEY (exam_id) REFERENCES exams (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'registrations',
      'verified_candidates',
      'exam_accommodations',
      'exams',
      'papers',
      'question_versions',
      'questions',
      'question_tags',
      'question_categories',
      'question_banks',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
