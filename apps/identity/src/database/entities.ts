/** Every TypeORM entity the identity service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_ENTITIES: Function[] = [];
