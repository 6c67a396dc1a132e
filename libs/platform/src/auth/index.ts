export * from './access.decorators';
export * from './access.guard';
export * from './auth.settings';
export * from './auth-user';
export * from './current-user.decorator';
export * from './face-ticket';
export * from './jwt.strategy';
export * from './jwt-keys';
