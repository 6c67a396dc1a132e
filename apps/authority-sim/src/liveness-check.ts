import { createHash } from 'node:crypto';

/**
 * The simulator's liveness service (CONTRACT.md § Liveness). It has no face model, so it takes the pose (yaw)
 * and descriptor the client measured for each frame where a certified vendor measures them from the images
 * itself; the bytes it checks itself. Its rules are identity's local ones (apps/identity/src/face/face-liveness.ts,
 * thresholds in face.policy.ts), restated here because one app never imports another: one frame per step, no
 * picture twice, each frame shows its step, the same face throughout.
 */
export const LIVENESS_MODEL_VERSION = 'sim-liveness-2026.1';
const STEPS = ['turn_left', 'turn_right', 'look_straight'] as const;
type Step = (typeof STEPS)[number];
const TURN_MIN_YAW = 0.1;
const STRAIGHT_MAX_YAW = 0.07;
const SAME_FACE_MAX_DISTANCE = 0.55;
const DESCRIPTOR_LENGTH = 128;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface LivenessCheckRequest {
  readonly checkId: string;
  readonly steps: readonly Step[];
  readonly frames: readonly { readonly image: Buffer; readonly yaw: number; readonly descriptor: number[] }[];
}

export type LivenessDecision =
  | { readonly passed: true; readonly frontalIndex: number }
  | { readonly passed: false; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isImage(image: Buffer): boolean {
  const jpeg = image.length > 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff;
  return jpeg || image.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC);
}

/** Field-by-field check of the request body; returns the problem or the typed request. */
export function parseLivenessCheck(body: unknown, maxImageBytes: number): LivenessCheckRequest | string {
  if (!isRecord(body)) return 'body must be a JSON object';
  const { checkId, challenge, frames } = body;
  if (typeof checkId !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(checkId))
    return 'checkId must be 8-64 letters, digits or dashes';
  if (!isRecord(challenge) || !Array.isArray(challenge.steps)) return 'challenge.steps must be an array';
  const steps = challenge.steps as unknown[];
  if (
    steps.length !== STEPS.length ||
    new Set(steps).size !== steps.length ||
    !steps.every((step): step is Step => STEPS.includes(step as Step))
  )
    return `challenge.steps must list ${STEPS.join(', ')} once each, in the order asked`;
  if (!Array.isArray(frames) || frames.length < 1 || frames.length > STEPS.length)
    return `frames must be an array of 1-${STEPS.length} frames`;
  const parsed: LivenessCheckRequest['frames'][number][] = [];
  for (const [index, frame] of (frames as unknown[]).entries()) {
    if (!isRecord(frame) || typeof frame.image !== 'string' || !BASE64.test(frame.image))
      return `frames[${index}].image must be a base64 PNG or JPEG`;
    const image = Buffer.from(frame.image, 'base64');
    if (image.length > maxImageBytes || !isImage(image))
      return `frames[${index}].image must be a PNG or JPEG of at most ${maxImageBytes} bytes`;
    if (typeof frame.yaw !== 'number' || !Number.isFinite(frame.yaw))
      return `frames[${index}].yaw must be a number`;
    const descriptor = frame.descriptor;
    if (
      !Array.isArray(descriptor) ||
      descriptor.length !== DESCRIPTOR_LENGTH ||
      !descriptor.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      return `frames[${index}].descriptor must be ${DESCRIPTOR_LENGTH} numbers`;
    parsed.push({ image, yaw: frame.yaw, descriptor: descriptor as number[] });
  }
  return { checkId, steps, frames: parsed };
}

function fits(step: Step, yaw: number): boolean {
  if (step === 'turn_left') return yaw >= TURN_MIN_YAW;
  if (step === 'turn_right') return yaw <= -TURN_MIN_YAW;
  return Math.abs(yaw) <= STRAIGHT_MAX_YAW;
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - (b.at(i) ?? 0)) ** 2, 0));
}

/** The decision, in the order identity's local engine takes it. */
export function decideLiveness(request: LivenessCheckRequest): LivenessDecision {
  const { steps, frames } = request;
  if (frames.length !== steps.length)
    return { passed: false, reason: `expected ${steps.length} frames, got ${frames.length}` };
  const digests = new Set(frames.map((frame) => createHash('sha256').update(frame.image).digest('hex')));
  if (digests.size !== frames.length)
    return { passed: false, reason: 'the same picture was sent more than once (a still image)' };
  for (const [index, step] of steps.entries()) {
    const frame = frames.at(index);
    if (frame === undefined || !fits(step, frame.yaw))
      return {
        passed: false,
        reason: `frame ${index} does not show ${step} (yaw ${frame?.yaw.toFixed(2) ?? 'missing'})`,
      };
  }
  const frontalIndex = steps.indexOf('look_straight');
  const frontal = frontalIndex < 0 ? undefined : frames.at(frontalIndex);
  if (frontal === undefined) return { passed: false, reason: 'the challenge has no look_straight step' };
  for (const [index, frame] of frames.entries()) {
    const d = distance(frame.descriptor, frontal.descriptor);
    if (d > SAME_FACE_MAX_DISTANCE)
      return { passed: false, reason: `frame ${index} shows a different face (distance ${d.toFixed(3)})` };
  }
  return { passed: true, frontalIndex };
}
