export * from './auth-user';
export * from './auth.settings';
export * from './jwt-keys';
export * from './jwt.strategy';
export * from './access.decorators';
export * from './access.guard';
export * from './current-user.decorator';
export * from './face-ticket';
