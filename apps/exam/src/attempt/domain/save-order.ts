/** A save as the client sends it: a per-attempt sequence number and the key it retries under. */
export interface SaveStamp {
  readonly seq: number;
  readonly idempotencyKey: string;
}

/**
 * Whether a save replaces what the server holds for that question: only a higher sequence number does, so a
 * retry, a delayed request or an older tab never brings an old answer back. The upsert in
 * AttemptRepository.saveAnswer says the same in SQL. Pure.
 */
export function replacesHeld(held: SaveStamp | null, sent: SaveStamp): boolean {
  return held === null || sent.seq > held.seq;
}

/**
 * What became of a save, read from what the server holds after it: `held` when the server holds this very
 * save (applied now, or a retry of one applied before), `superseded` when it holds a newer one (or another
 * save that used the same sequence number first).
 */
export function saveOutcome(heldAfter: SaveStamp | null, sent: SaveStamp): 'held' | 'superseded' {
  return heldAfter !== null && heldAfter.seq === sent.seq && heldAfter.idempotencyKey === sent.idempotencyKey
    ? 'held'
    : 'superseded';
}
