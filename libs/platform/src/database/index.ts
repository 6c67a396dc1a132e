export * from './data-source-options';
export * from './ensure-database';
export * from './mysql-url';
export * from './safe-typeorm.logger';
export * from './locked-migrations';
export * from './field-protection.provider';
export * from './deadlock-retry';
export * from './windowed-counter';
