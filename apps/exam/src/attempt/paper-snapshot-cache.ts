import { Injectable } from '@nestjs/common';

import type { PaperSnapshot } from '../paper/paper-structure';

const MAX_ENTRIES = 200;

/**
 * Published exams' paper snapshots, per process. A snapshot is frozen when its exam is published, so the key is
 * the exam and its publication time: a hall of candidates starting at once reads and parses it once, not once
 * each. Bounded; the oldest entry goes first.
 */
@Injectable()
export class PaperSnapshotCache {
  /** The snapshot or its read in flight, so a hall starting at the same second shares one read. */
  private readonly entries = new Map<string, Promise<PaperSnapshot | null>>();

  get(
    examId: string,
    publishedAt: Date,
    load: () => Promise<PaperSnapshot | null>,
  ): Promise<PaperSnapshot | null> {
    const key = `${examId}@${publishedAt.getTime()}`;
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    const loading = load().then(
      (snapshot) => {
        // A missing snapshot (not published after all) is not remembered.
        if (snapshot === null) this.entries.delete(key);
        return snapshot;
      },
      (error: unknown) => {
        this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, loading);
    return loading;
  }
}
