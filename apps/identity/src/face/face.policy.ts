/**
 * Decision parameters of face checks. The match threshold is chosen by scripts/face-eval.ts on labelled
 * faces (see docs/face-threshold.md); change it only together with a new run of that script.
 */
export const FACE_MATCH_THRESHOLD = 0.55;

/** Narrower faces carry too little detail for a reliable descriptor (the test crops have ~120-150 px). */
export const MIN_FACE_WIDTH_PX = 80;

/**
 * Largest capture accepted, read from the PNG/JPEG header before any decoding: a few hundred bytes can declare
 * a gigapixel image. A 1920×1080 camera frame fits; anything larger is refused with the limit.
 */
export const MAX_IMAGE_SIDE_PX = 2048;
export const MAX_IMAGE_PIXELS = 2048 * 1536;

/** Liveness: |yaw ratio| (see estimateYaw) at least this for a turn, at most STRAIGHT_MAX for "look straight". */
export const LIVENESS_TURN_MIN_YAW = 0.1;
export const LIVENESS_STRAIGHT_MAX_YAW = 0.07;
export const LIVENESS_CHALLENGE_TTL_SECONDS = 120;
/**
 * The timed sequence (liveness/frame-timing.ts): every frame of an answer is taken within this many seconds of
 * the first, in the order asked, consecutive frames at least MIN_STEP_INTERVAL apart; no capture time may lie
 * further in the future than the server's own elapsed time since issuing the challenge plus CLOCK_SLACK.
 */
export const LIVENESS_SEQUENCE_MAX_SECONDS = 20;
export const LIVENESS_MIN_STEP_INTERVAL_MS = 250;
export const LIVENESS_CLOCK_SLACK_MS = 2000;
/**
 * Liveness, measured by scripts/liveness-eval.ts (docs/face-liveness.md). The turn_left and turn_right frames
 * must misfit the best plane transform of each other by at least TURN_MIN_PLANAR_RESIDUAL (face-size units):
 * affine/perspective edits of one still stay below ~0.075, genuine turns this large start at ~0.105. They are
 * taken for a mirror image when the mirrored fit is below MIRROR_MAX_RESIDUAL and the descriptors are closer
 * than MIRROR_MAX_DISTANCE (mirrors of one still measured up to 0.253, different photos from 0.29).
 */
export const LIVENESS_TURN_MIN_PLANAR_RESIDUAL = 0.085;
export const LIVENESS_MIRROR_MAX_RESIDUAL = 0.07;
export const LIVENESS_MIRROR_MAX_DISTANCE = 0.27;
/**
 * Two frames whose face pixels, after the best plane (homography) alignment, directly or mirrored, correlate
 * at least this much are one picture edited in 2-D (liveness/pixel-alignment.ts). Measured
 * (docs/face-liveness.md): warps, mirrors and near-copies of one still from 0.994 up, different photos of a
 * person at most 0.83.
 */
export const LIVENESS_FLAT_MIN_CORRELATION = 0.95;
/**
 * …as long as the alignment stays near the landmarks: RMS landmark drift at most this many face widths (plane
 * edits of one still measured up to 0.095; beyond the bound the pixels were matched by folding one face onto
 * another, which unrelated textures reach at ~0.3).
 */
export const LIVENESS_FLAT_MAX_DRIFT = 0.15;
/**
 * Face actions (LIVENESS_FACE_ACTIONS, mesh/face-actions.ts), judged on the face mesh: eyes count as closed at
 * an eye aspect ratio of at most EYES_CLOSED_MAX_RATIO, the mouth as open from MOUTH_OPEN_MIN_RATIO (wide open:
 * the test photos measure eye ratios from 0.28 and, speaking or laughing, mouth ratios up to 0.38, see
 * docs/face-liveness.md); genuine closed eyes or open mouths are not in the test data, so the acceptance
 * rate of these actions is not measured here.
 */
export const LIVENESS_EYES_CLOSED_MAX_RATIO = 0.12;
export const LIVENESS_MOUTH_OPEN_MIN_RATIO = 0.5;
/**
 * Replay: a frame whose descriptor is closer than this to the enrolment or to a frame of an earlier passed
 * check of the account is the same picture again (re-encoded, brightened, shifted, cropped). Near-copies
 * measured up to ~0.14, different photos of the same person from 0.29 (docs/face-liveness.md).
 */
export const FACE_REPLAY_MAX_DISTANCE = 0.2;
/** How many earlier passed checks' frames are kept per account to refuse replays (older ones are dropped). */
export const FACE_REPLAY_MEMORY_CHECKS = 20;

/** Failed checks per user, purpose and UTC day before face checks of that purpose lock until the next day. */
export const FACE_DAILY_FAILURE_LIMIT = 5;

/** Lifetime of a face-check token: long enough to start the exam right after the check, no longer. */
export const FACE_CHECK_TOKEN_TTL_SECONDS = 300;

/** The UTC day a face check counts against (daily limits reset at 00:00 UTC). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
