-- Runs once, on the first start of an empty MySQL data volume (docker-entrypoint-initdb.d).
--
-- The application user `exam` itself is created by the mysql image entrypoint from
-- MYSQL_USER / MYSQL_PASSWORD (see compose.yaml), before this file runs, so that its password
-- lives only in docker/.env and never in a committed file. This script creates one database
-- per service and grants `exam` full rights on those five databases only (no global privileges).

CREATE DATABASE IF NOT EXISTS `exam_accounts` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `exam_identity` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `exam_exam` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `exam_payments` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `exam_audit` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

GRANT ALL PRIVILEGES ON `exam_accounts`.* TO 'exam'@'%';
GRANT ALL PRIVILEGES ON `exam_identity`.* TO 'exam'@'%';
GRANT ALL PRIVILEGES ON `exam_exam`.* TO 'exam'@'%';
GRANT ALL PRIVILEGES ON `exam_payments`.* TO 'exam'@'%';
GRANT ALL PRIVILEGES ON `exam_audit`.* TO 'exam'@'%';

FLUSH PRIVILEGES;
