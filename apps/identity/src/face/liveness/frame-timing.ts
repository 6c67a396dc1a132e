import {
  LIVENESS_CLOCK_SLACK_MS,
  LIVENESS_MIN_STEP_INTERVAL_MS,
  LIVENESS_SEQUENCE_MAX_SECONDS,
} from '../face.policy';

/**
 * The timed part of the challenge: one capture session, in the order asked, within the challenge's time budget.
 * `frameTimesMs[i]` is when frame i was taken, in milliseconds since the challenge was issued, as the client
 * counted them from receiving it. The times are the client's word, so they are held to what the server saw:
 * no frame taken later than the time that really passed since the challenge was issued (plus a little clock
 * slack), the frames strictly in order and at least LIVENESS_MIN_STEP_INTERVAL_MS apart (a head does not turn
 * from one side to the other faster), and all of them within LIVENESS_SEQUENCE_MAX_SECONDS of the first (one
 * continuous capture, not pictures gathered over the challenge's whole lifetime).
 *
 * Returns why the sequence is refused, or null.
 */
export function frameTimingProblem(
  frameTimesMs: readonly number[],
  frames: number,
  elapsedMs: number,
): string | null {
  if (frameTimesMs.length !== frames)
    return `frameTimesMs must give one capture time per frame (${frames}), got ${frameTimesMs.length}`;
  for (let i = 1; i < frameTimesMs.length; i += 1) {
    const gap = frameTimesMs[i] - frameTimesMs[i - 1];
    if (gap < LIVENESS_MIN_STEP_INTERVAL_MS)
      return `frames ${i - 1} and ${i} were taken ${gap} ms apart: take them in the order asked, at least ${LIVENESS_MIN_STEP_INTERVAL_MS} ms apart`;
  }
  const first = frameTimesMs[0] ?? 0;
  const last = frameTimesMs.at(-1) ?? 0;
  if (last > elapsedMs + LIVENESS_CLOCK_SLACK_MS)
    return `frame ${frameTimesMs.length - 1} claims to be taken ${last} ms after the challenge, but only ${Math.round(elapsedMs)} ms have passed`;
  if (last - first > LIVENESS_SEQUENCE_MAX_SECONDS * 1000)
    return `the frames span ${((last - first) / 1000).toFixed(1)} s: take them in one go, within ${LIVENESS_SEQUENCE_MAX_SECONDS} s`;
  return null;
}
