import { Injectable } from '@nestjs/common';

import type { PaperSnapshot } from '../paper/paper-structure';

const MAX_ENTRIES = 200;

/**
 * Published exams' paper snapshots, per process. A snapshot is written once, when its exam is published (a
 * published exam never returns to draft), so the exam id keys it: a hall of candidates starting at once reads
 * and parses it once, and grading resolves attempts' answer keys against the same copy. Bounded; the oldest
 * entry goes first.
 */
@Injectable()
export class PaperSnapshotCache {
  /** The snapshot or its read in flight, so a hall starting at the same second shares one read. */
  private readonly entries = new Map<string, Promise<PaperSnapshot | null>>();

  get(examId: string, load: () => Promise<PaperSnapshot | null>): Promise<PaperSnapshot | null> {
    const cached = this.entries.get(examId);
    if (cached !== undefined) return cached;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    const loading = load().then(
      (snapshot) => {
        // A missing snapshot (not published after all) is not remembered.
        if (snapshot === null) this.entries.delete(examId);
        return snapshot;
      },
      (error: unknown) => {
        this.entries.delete(examId);
        throw error;
      },
    );
    this.entries.set(examId, loading);
    return loading;
  }
}
