/**
 * Where one attempt's flagged question ids survive a reload (IndexedDB in the app, memory in tests). Only the
 * ids of the paper's questions, keyed by the attempt: nothing personal.
 */
export interface FlagStore {
  load(): Promise<readonly unknown[]>;
  save(questionIds: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

export class MemoryFlagStore implements FlagStore {
  saved: readonly string[] | null = null;

  load(): Promise<readonly unknown[]> {
    return Promise.resolve(this.saved ?? []);
  }

  save(questionIds: readonly string[]): Promise<void> {
    this.saved = [...questionIds];
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.saved = null;
    return Promise.resolve();
  }
}

/** The stored flags that are questions of this paper (a stale or damaged entry is dropped), as a set. */
export function restoreFlags(stored: readonly unknown[], paperIds: readonly string[]): Set<string> {
  const known = new Set(paperIds);
  return new Set(stored.filter((id): id is string => typeof id === 'string' && known.has(id)));
}

/** The flags to store: the paper's questions that are flagged, in paper order. */
export function flagsToStore(flagged: ReadonlySet<string>, paperIds: readonly string[]): string[] {
  return paperIds.filter((id) => flagged.has(id));
}

/**
 * Keeps an attempt's flags in its store: restores them once, writes each change in the order it was made, and
 * forgets them after submission. Storage that fails (private mode, quota) never stops the room: the flags then
 * live in memory only.
 */
export class FlagKeeper {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: FlagStore,
    private readonly paperIds: readonly string[],
  ) {}

  async restore(): Promise<Set<string>> {
    try {
      return restoreFlags(await this.store.load(), this.paperIds);
    } catch {
      return new Set();
    }
  }

  keep(flagged: ReadonlySet<string>): Promise<void> {
    const ids = flagsToStore(flagged, this.paperIds);
    return this.queue(() => this.store.save(ids));
  }

  forget(): Promise<void> {
    return this.queue(() => this.store.clear());
  }

  private queue(write: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(write).catch(() => undefined);
    return this.writing;
  }
}
