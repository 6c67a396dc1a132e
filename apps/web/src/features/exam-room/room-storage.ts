import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

import type { FlagStore } from './model/flags';
import type { PendingSave, QueueStore } from './model/queue-store';

/**
 * The exam room's only browser storage (IndexedDB `exam-room`): unsent answers and the ids of the questions
 * flagged for review, per attempt, both cleared after submission, and this browser's random device id (the
 * X-Device-Id the exam service binds an attempt to, so a reload is the same device). Nothing else personal is
 * kept.
 */
interface RoomDb extends DBSchema {
  pending: {
    key: [string, string];
    value: PendingSave & { attemptId: string };
    indexes: { byAttempt: string };
  };
  device: { key: string; value: { key: string; id: string } };
  /** Version 2: the flagged question ids of an attempt. */
  flags: { key: string; value: { attemptId: string; questionIds: string[] } };
}

let opening: Promise<IDBPDatabase<RoomDb>> | null = null;

function db(): Promise<IDBPDatabase<RoomDb>> {
  opening ??= openDB<RoomDb>('exam-room', 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const pending = database.createObjectStore('pending', { keyPath: ['attemptId', 'questionId'] });
        pending.createIndex('byAttempt', 'attemptId');
        database.createObjectStore('device', { keyPath: 'key' });
      }
      if (oldVersion < 2) database.createObjectStore('flags', { keyPath: 'attemptId' });
    },
    // A tab of a newer version wants to upgrade: let it (this tab reopens on its next use).
    blocking() {
      void opening?.then((database) => {
        database.close();
      });
      opening = null;
    },
  });
  return opening;
}

/** This browser's device id; made once. Without IndexedDB (private mode), one per page load. */
export async function deviceId(): Promise<string> {
  try {
    const database = await db();
    const stored = await database.get('device', 'this');
    if (stored) return stored.id;
    const id = crypto.randomUUID();
    await database.put('device', { key: 'this', id });
    return id;
  } catch {
    return (fallbackDevice ??= crypto.randomUUID());
  }
}
let fallbackDevice: string | undefined;

/** One attempt's unsent answers in IndexedDB. */
export class IdbQueueStore implements QueueStore {
  constructor(private readonly attemptId: string) {}

  async load(): Promise<PendingSave[]> {
    const rows = await (await db()).getAllFromIndex('pending', 'byAttempt', this.attemptId);
    return rows.map(({ questionId, seq, idempotencyKey, answer }) => ({
      questionId,
      seq,
      idempotencyKey,
      answer,
    }));
  }

  async put(save: PendingSave): Promise<void> {
    await (await db()).put('pending', { ...save, attemptId: this.attemptId });
  }

  async remove(questionId: string, seq: number): Promise<void> {
    const tx = (await db()).transaction('pending', 'readwrite');
    const key: [string, string] = [this.attemptId, questionId];
    const held = await tx.store.get(key);
    if (held?.seq === seq) await tx.store.delete(key);
    await tx.done;
  }

  async clear(): Promise<void> {
    const tx = (await db()).transaction('pending', 'readwrite');
    for (const key of await tx.store.index('byAttempt').getAllKeys(this.attemptId))
      await tx.store.delete(key);
    await tx.done;
  }
}

/** One attempt's flagged question ids in IndexedDB. */
export class IdbFlagStore implements FlagStore {
  constructor(private readonly attemptId: string) {}

  async load(): Promise<readonly unknown[]> {
    const row = await (await db()).get('flags', this.attemptId);
    return Array.isArray(row?.questionIds) ? row.questionIds : [];
  }

  async save(questionIds: readonly string[]): Promise<void> {
    await (await db()).put('flags', { attemptId: this.attemptId, questionIds: [...questionIds] });
  }

  async clear(): Promise<void> {
    await (await db()).delete('flags', this.attemptId);
  }
}
