import { randomUUID } from 'node:crypto';

/** A new id and the 32-character merchant number the providers see for it (the id without dashes). */
export function newMerchantId(): { id: string; merchantNo: string } {
  const id = randomUUID();
  return { id, merchantNo: id.replaceAll('-', '') };
}
