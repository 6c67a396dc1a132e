/** Every TypeORM entity the exam service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EXAM_ENTITIES: Function[] = [];
