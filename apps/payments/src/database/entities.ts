/** Every TypeORM entity the payments service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PAYMENTS_ENTITIES: Function[] = [];
