import type { LivenessAnswer, LivenessChallenge, LivenessStep } from './face-types';

/** How long each prompt shows before its frame is taken: time to read it and to move. */
export const STEP_HOLD_MS = 2_500;
/** The identity service's minimum gap between two frames (LIVENESS_MIN_STEP_INTERVAL_MS). */
export const MIN_STEP_GAP_MS = 250;
const TICK_MS = 500;

export interface StepProgress {
  index: number;
  step: LivenessStep;
  total: number;
  /** Whole seconds until this step's frame is taken. */
  secondsLeft: number;
}

export interface RunnerDeps {
  /** Milliseconds on a monotonic clock (performance.now in the browser). */
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Takes the current frame (JPEG base64). */
  capture: () => string;
}

export class CaptureAborted extends Error {
  constructor() {
    super('the capture was stopped');
    this.name = 'CaptureAborted';
  }
}

/**
 * Runs a liveness challenge step by step: announces each movement, counts down, takes one frame at the end of
 * the step, and times every frame from when the challenge arrived (`receivedAt`, on the same clock), as the
 * service checks them: in the order asked, at least 250 ms apart, all within the challenge's sequence window.
 */
export async function runLivenessSteps(
  challenge: LivenessChallenge,
  receivedAt: number,
  deps: RunnerDeps,
  onProgress: (progress: StepProgress) => void,
  signal: AbortSignal,
  holdMs = STEP_HOLD_MS,
): Promise<LivenessAnswer> {
  const frames: string[] = [];
  const frameTimesMs: number[] = [];
  const total = challenge.steps.length;
  for (const [index, step] of challenge.steps.entries()) {
    const due = deps.now() + holdMs;
    for (let left = due - deps.now(); left > 0; left = due - deps.now()) {
      if (signal.aborted) throw new CaptureAborted();
      onProgress({ index, step, total, secondsLeft: Math.ceil(left / 1000) });
      await deps.sleep(Math.min(TICK_MS, left), signal);
    }
    if (signal.aborted) throw new CaptureAborted();
    const previous = frameTimesMs.at(-1);
    let takenAt = Math.round(deps.now() - receivedAt);
    if (previous !== undefined && takenAt - previous < MIN_STEP_GAP_MS) {
      await deps.sleep(MIN_STEP_GAP_MS - (takenAt - previous), signal);
      takenAt = Math.round(deps.now() - receivedAt);
    }
    frames.push(deps.capture());
    frameTimesMs.push(Math.max(0, takenAt));
  }
  return { challengeId: challenge.challengeId, nonce: challenge.nonce, frames, frameTimesMs };
}

/** A sleep that ends early when the capture is stopped. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
