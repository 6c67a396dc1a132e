import { Injectable } from '@nestjs/common';

import { decodeDescriptor } from '../engine/face-geometry';
import { FACE_REPLAY_MAX_DISTANCE, FACE_REPLAY_MEMORY_CHECKS } from '../face.policy';
import { FaceTemplateRepository } from '../face-template.repository';
import { findReplayedCapture, type ReplayFinding } from './capture-replay';
import { FaceCaptureFingerprintRepository } from './face-capture-fingerprint.repository';

/**
 * The replay rule of every live capture of an account (face checks and the real-name face step): no frame may
 * be the account's enrolment image or a frame of one of its earlier passed checks sent again
 * (capture-replay.ts, FACE_REPLAY_MAX_DISTANCE).
 */
@Injectable()
export class FaceReplayGuard {
  constructor(
    private readonly templates: FaceTemplateRepository,
    private readonly fingerprints: FaceCaptureFingerprintRepository,
  ) {}

  /** `enrolment` when the caller already holds the template's descriptor; otherwise it is read (none: skipped). */
  async findReplay(
    userId: string,
    frames: readonly Float32Array[],
    enrolment?: Float32Array,
  ): Promise<ReplayFinding | null> {
    const template = enrolment === undefined ? await this.templates.findByUser(userId) : null;
    const enrolled = enrolment ?? (template === null ? null : decodeDescriptor(template.descriptor));
    const earlier = await this.fingerprints.recentDescriptors(
      userId,
      FACE_REPLAY_MEMORY_CHECKS * Math.max(frames.length, 1),
    );
    return findReplayedCapture(frames, enrolled, earlier, FACE_REPLAY_MAX_DISTANCE);
  }

  /** A passed check's frames become fingerprints (the newest FACE_REPLAY_MEMORY_CHECKS checks are kept). */
  remember(userId: string, frames: readonly Float32Array[], at: Date): Promise<void> {
    return this.fingerprints.remember(userId, frames, at, FACE_REPLAY_MEMORY_CHECKS * frames.length);
  }
}

/** The reason a replayed frame is refused with, which says what to do instead. */
export function replayReason(finding: ReplayFinding): string {
  return `frame ${finding.frameIndex} is ${finding.source} sent again, not a new capture (distance ${finding.distance.toFixed(3)} < ${FACE_REPLAY_MAX_DISTANCE})`;
}
