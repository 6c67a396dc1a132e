/** Every TypeORM entity the accounts service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ACCOUNTS_ENTITIES: Function[] = [];
