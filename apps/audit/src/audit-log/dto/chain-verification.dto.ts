import type { ChainBreak } from '../audit-chain';
import type { ChainVerification } from '../chain-verifier.service';
import type { SignedCheckpoint } from '../checkpoint-signer';

export class ChainBreakDto {
  stream!: string;
  seq!: number;
  code!: string;
  reason!: string;

  static of(value: ChainBreak | null): ChainBreakDto | null {
    if (!value) return null;
    return Object.assign(new ChainBreakDto(), {
      stream: value.stream,
      seq: value.seq,
      code: value.code,
      reason: value.reason,
    });
  }
}

export class StreamVerificationDto {
  stream!: string;
  entries!: number;
  headSeq!: number;
  checkpointsChecked!: number;
  lastCheckpointSeq!: number | null;
  /** Entries stored past the head: written outside the audit service (an alert is raised too). */
  entriesBeyondHead!: number;
  firstBreak!: ChainBreakDto | null;
}

export class ChainVerificationDto {
  ok!: boolean;
  verifiedAt!: string;
  entries!: number;
  durationMs!: number;
  streams!: StreamVerificationDto[];
  firstBreak!: ChainBreakDto | null;
  /** Set when the verifier lacks the keys the chain was written with: breaks then do not mean tampering. */
  keyProblem!: string | null;

  static of(result: ChainVerification): ChainVerificationDto {
    return Object.assign(new ChainVerificationDto(), {
      ok: result.ok,
      verifiedAt: result.verifiedAt,
      entries: result.entries,
      durationMs: result.durationMs,
      firstBreak: ChainBreakDto.of(result.firstBreak),
      keyProblem: result.keyProblem,
      streams: result.streams.map((s) =>
        Object.assign(new StreamVerificationDto(), {
          stream: s.stream,
          entries: s.entries,
          headSeq: s.headSeq,
          checkpointsChecked: s.checkpointsChecked,
          lastCheckpointSeq: s.lastCheckpointSeq,
          entriesBeyondHead: s.entriesBeyondHead,
          firstBreak: ChainBreakDto.of(s.firstBreak),
        }),
      ),
    });
  }
}

export class CheckpointDto {
  stream!: string;
  seq!: number;
  headHash!: string;
  signedAt!: string;
  keyId!: string;

  static of(c: SignedCheckpoint): CheckpointDto {
    return Object.assign(new CheckpointDto(), {
      stream: c.stream,
      seq: c.seq,
      headHash: c.headHash,
      signedAt: c.signedAt,
      keyId: c.keyId,
    });
  }
}
