import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FaceEngine } from '../../src/face/engine/face-engine';
import { descriptorDistance, estimateYaw } from '../../src/face/engine/face-geometry';
import {
  FACE_MATCH_THRESHOLD,
  FACE_REPLAY_MAX_DISTANCE,
  LIVENESS_FLAT_MAX_DRIFT,
} from '../../src/face/face.policy';
import { evaluateLiveness, type HeadMovement } from '../../src/face/face-liveness';
import { findReplayedCapture } from '../../src/face/liveness/capture-replay';
import { capturePatches, findFlatPairWith } from '../../src/face/liveness/flat-picture';
import type { FacePatch } from '../../src/face/liveness/grey-image';
import type { LivenessCapture } from '../../src/face/liveness/liveness-provider';
import {
  comparedPairs,
  evaluateLocalLiveness,
  type FlatPictureCheck,
  pixelFlatPictureCheck,
} from '../../src/face/liveness/local-liveness.provider';
import { type PlanarAlignment, planarPixelAlignment } from '../../src/face/liveness/pixel-alignment';
import { planarFit } from '../../src/face/liveness/planar-edit';
import { type StillAttack, stillAttacks } from './still-attacks';

/**
 * Runs the liveness rules of a face check on the labelled faces: genuine answers made of different photos of
 * the enrolled person, and attacks made of one still photo and its 2-D edits. Shared by
 * scripts/liveness-eval.ts (writes docs/face-liveness.md) and the spec that asserts the rates.
 */

const STEPS: readonly HeadMovement[] = ['turn_left', 'turn_right', 'look_straight'];

export interface Candidate extends LivenessCapture {
  readonly name: string;
  /** The frame shows the still's mirror image (its pairs with unmirrored frames align mirrored). */
  readonly mirrored?: boolean;
}

/** Which rule refused an answer (from its reason), for the per-rule breakdown of docs/face-liveness.md. */
export type RefusingRule =
  | 'same bytes'
  | 'movement not shown'
  | 'landmarks: turned frames a plane fit'
  | 'landmarks: turned frames a mirror (with close descriptors)'
  | 'pixels: two frames one picture warped'
  | 'pixels: two frames one picture mirrored and warped'
  | 'not the same face throughout'
  | 'replay of the enrolment image'
  | 'no match with the enrolment'
  | 'other';

export const REFUSING_RULES: readonly RefusingRule[] = [
  'same bytes',
  'movement not shown',
  'landmarks: turned frames a plane fit',
  'landmarks: turned frames a mirror (with close descriptors)',
  'pixels: two frames one picture warped',
  'pixels: two frames one picture mirrored and warped',
  'not the same face throughout',
  'replay of the enrolment image',
  'no match with the enrolment',
  'other',
];

export function refusingRule(reason: string): RefusingRule {
  if (reason === 'same bytes') return 'same bytes';
  if (reason.includes('does not show')) return 'movement not shown';
  if (reason.includes('pixel correlation'))
    return reason.includes('mirrored and warped')
      ? 'pixels: two frames one picture mirrored and warped'
      : 'pixels: two frames one picture warped';
  if (reason.includes('mirrored residual'))
    return 'landmarks: turned frames a mirror (with close descriptors)';
  if (reason.includes('warped in 2-D')) return 'landmarks: turned frames a plane fit';
  if (reason.includes('different face')) return 'not the same face throughout';
  if (reason.startsWith('replay')) return 'replay of the enrolment image';
  if (reason.startsWith('face mismatch')) return 'no match with the enrolment';
  return 'other';
}

export interface StillResult {
  readonly person: string;
  readonly still: string;
  /** The enrolment image itself, or another photo of the person. */
  readonly kind: 'enrolment still' | 'other still';
  /** Frames the attacker could make, and the edit kinds among them. */
  readonly candidates: number;
  readonly kinds: readonly StillAttack[];
  /** An answer (left, right, straight) from these frames that passed, if any. */
  readonly passedWith: readonly string[] | null;
  /** Every answer whose yaws fit the steps, and which rule refused how many of them. */
  readonly answers: number;
  readonly refusedBy: Partial<Record<RefusingRule, number>>;
}

export interface GenuineResult {
  readonly person: string;
  readonly frames: readonly string[];
  readonly passed: boolean;
  readonly reason: string;
}

/** The pixel rule's view of one pair of frames: the better of the direct and mirrored alignments. */
export interface PairScore {
  readonly pair: string;
  readonly correlation: number;
  readonly drift: number;
  readonly mirrored: boolean;
}

export interface LivenessMeasurement {
  readonly genuine: readonly GenuineResult[];
  readonly stills: readonly StillResult[];
  /** Every pair of different photos of one person: the alignment that came closest to a plane edit. */
  readonly photoPairs: readonly PairScore[];
  /** Every pair of frames made from one still, aligned as they were made (mirrored when one is a mirror). */
  readonly editPairs: readonly PairScore[];
  /** Milliseconds of the pixel rule (decode, cut, six alignments) per genuine answer, the costliest case. */
  readonly pixelRuleMs: readonly number[];
}

async function analyse(
  engine: FaceEngine,
  name: string,
  image: Buffer,
  mirrored = false,
): Promise<Candidate | null> {
  const analysis = await engine.analyse(image).catch(() => null);
  const face = analysis?.faces.length === 1 ? analysis.faces[0] : undefined;
  if (face === undefined) return null;
  return {
    name,
    yaw: estimateYaw(face.landmarks),
    descriptor: face.descriptor,
    landmarks: face.landmarks,
    digest: createHash('sha256').update(image).digest('hex'),
    image,
    mirrored,
  };
}

/** The decision of FaceCheckService for one answer, without the database: liveness, replay, match. */
export function decide(
  frames: readonly Candidate[],
  enrolment: Float32Array,
  flatPicture: FlatPictureCheck = pixelFlatPictureCheck,
): { passed: boolean; reason: string } {
  if (new Set(frames.map((f) => f.digest)).size !== frames.length)
    return { passed: false, reason: 'same bytes' };
  const liveness = evaluateLocalLiveness(STEPS, frames, FACE_MATCH_THRESHOLD, flatPicture);
  if (!liveness.passed) return { passed: false, reason: liveness.reason };
  const replay = findReplayedCapture(
    frames.map((f) => f.descriptor),
    enrolment,
    [],
    FACE_REPLAY_MAX_DISTANCE,
  );
  if (replay !== null) return { passed: false, reason: `replay of ${replay.source}` };
  const frontal = frames.at(liveness.frontalIndex);
  if (frontal === undefined) return { passed: false, reason: 'no frontal frame' };
  const distance = descriptorDistance(frontal.descriptor, enrolment);
  return distance <= FACE_MATCH_THRESHOLD
    ? { passed: true, reason: 'passed' }
    : { passed: false, reason: `face mismatch ${distance.toFixed(3)}` };
}

/** Every (left, right, straight) answer from `pool` whose yaws fit the steps (the only ones worth sending). */
function answers(pool: readonly Candidate[]): Candidate[][] {
  const out: Candidate[][] = [];
  for (const left of pool.filter((c) => c.yaw >= 0.1))
    for (const right of pool.filter((c) => c.yaw <= -0.1))
      for (const straight of pool.filter((c) => Math.abs(c.yaw) <= 0.07))
        if (new Set([left.name, right.name, straight.name]).size === 3) out.push([left, right, straight]);
  return out;
}

/**
 * The pixel rule with every pair's alignment computed once: a still's frames make dozens of answers that
 * share their pairs. Same decisions as pixelFlatPictureCheck, only faster.
 */
function memoisedFlatPicture(): FlatPictureCheck {
  const patches = new Map<string, FacePatch>();
  const alignments = new Map<string, PlanarAlignment | null>();
  const patchOf = (frame: Candidate): FacePatch => {
    let patch = patches.get(frame.digest);
    if (patch === undefined) {
      [patch] = capturePatches([frame]);
      patches.set(frame.digest, patch);
    }
    return patch;
  };
  return (frames, pairs) =>
    findFlatPairWith(pairs, (first, second, mirrored) => {
      const a = frames[first] as Candidate | undefined;
      const b = frames[second] as Candidate | undefined;
      if (a === undefined || b === undefined) return null;
      const key = `${a.digest}|${b.digest}|${mirrored}`;
      if (!alignments.has(key)) alignments.set(key, planarPixelAlignment(patchOf(a), patchOf(b), mirrored));
      return alignments.get(key) ?? null;
    });
}

/** Of two alignments, the one nearer a plane edit: within the drift bound first, then the higher correlation. */
function closerToPlaneEdit(a: PlanarAlignment, b: PlanarAlignment): PlanarAlignment {
  const within = (x: PlanarAlignment): boolean => x.drift <= LIVENESS_FLAT_MAX_DRIFT;
  if (within(a) !== within(b)) return within(a) ? a : b;
  return a.correlation >= b.correlation ? a : b;
}

/** Per person: the first image (sorted) is the enrolment; the others are genuine later captures. */
export async function measureLiveness(engine: FaceEngine, facesDir: string): Promise<LivenessMeasurement> {
  const genuine: GenuineResult[] = [];
  const stills: StillResult[] = [];
  const pixelRuleMs: number[] = [];
  const photoPairs: PairScore[] = [];
  const editPairs: PairScore[] = [];
  const people = readdirSync(facesDir)
    .filter((p) => !p.startsWith('_'))
    .sort();
  for (const person of people) {
    const files = readdirSync(join(facesDir, person)).sort();
    const images = files.map((file) => ({ file, image: readFileSync(join(facesDir, person, file)) }));
    const analysed: Candidate[] = [];
    for (const { file, image } of images) {
      const candidate = await analyse(engine, file, image);
      if (candidate !== null) analysed.push(candidate);
    }
    const enrolment = analysed.find((c) => c.name === files[0]);
    if (enrolment === undefined) continue;
    const photoPatches = capturePatches(analysed);
    for (let i = 0; i < analysed.length; i += 1)
      for (let j = i + 1; j < analysed.length; j += 1) {
        const direct = planarPixelAlignment(photoPatches[i], photoPatches[j], false);
        const mirrored = planarPixelAlignment(photoPatches[i], photoPatches[j], true);
        const closer = closerToPlaneEdit(direct, mirrored);
        photoPairs.push({
          pair: `${analysed[i].name} · ${analysed[j].name}`,
          ...closer,
          mirrored: closer === mirrored,
        });
      }
    for (const answer of answers(analysed.filter((c) => c !== enrolment))) {
      const verdict = decide(answer, enrolment.descriptor);
      genuine.push({ person, frames: answer.map((c) => c.name), ...verdict });
      const started = performance.now();
      pixelFlatPictureCheck(answer, comparedPairs(STEPS));
      pixelRuleMs.push(performance.now() - started);
    }
    for (const { file, image } of images) {
      const still = analysed.find((c) => c.name === file);
      if (still === undefined) continue;
      const pool: Candidate[] = [still];
      const kinds = new Set<StillAttack>();
      for (const attack of stillAttacks(image)) {
        const edited = await analyse(
          engine,
          `${file} ${attack.name}`,
          attack.image,
          attack.kind === 'mirror' || attack.kind === 'mirror+perspective',
        );
        if (edited === null) continue;
        pool.push(edited);
        kinds.add(attack.kind);
      }
      const flatPicture = memoisedFlatPicture();
      const editPatches = capturePatches(pool);
      for (let i = 0; i < pool.length; i += 1)
        for (let j = i + 1; j < pool.length; j += 1) {
          const mirrored = pool[i].mirrored !== pool[j].mirrored;
          const alignment = planarPixelAlignment(editPatches[i], editPatches[j], mirrored);
          editPairs.push({ pair: `${pool[i].name} · ${pool[j].name}`, ...alignment, mirrored });
        }
      const tried = answers(pool);
      const refusedBy: Partial<Record<RefusingRule, number>> = {};
      let passing: Candidate[] | undefined;
      for (const answer of tried) {
        const verdict = decide(answer, enrolment.descriptor, flatPicture);
        if (verdict.passed) passing ??= answer;
        else {
          const rule = refusingRule(verdict.reason);
          refusedBy[rule] = (refusedBy[rule] ?? 0) + 1;
        }
      }
      stills.push({
        person,
        still: file,
        kind: file === files[0] ? 'enrolment still' : 'other still',
        candidates: pool.length,
        kinds: [...kinds],
        passedWith: passing === undefined ? null : passing.map((c) => c.name),
        answers: tried.length,
        refusedBy,
      });
    }
  }
  return { genuine, stills, pixelRuleMs, photoPairs, editPairs };
}

/** One answer that passed an earlier version of the rules, named by its frames (left, right, straight). */
export interface EarlierPass {
  readonly person: string;
  readonly still: string;
  readonly frames: readonly [string, string, string];
}

export interface EarlierPassExplained extends EarlierPass {
  /** The landmark rule 2 on the turned pair: plane-fit residual, mirrored residual, descriptor distance. */
  readonly direct: number;
  readonly mirrored: number;
  readonly distance: number;
  /** The landmark rules alone (what decided before the pixel rule), and the full rules now. */
  readonly landmarkRules: string;
  readonly now: string;
}

/**
 * Re-runs answers that passed before the pixel rule existed: why the landmark rules let them through (the
 * turned pair's residuals and descriptor distance against their thresholds) and what refuses them now.
 */
export async function explainEarlierPasses(
  engine: FaceEngine,
  facesDir: string,
  answers: readonly EarlierPass[],
): Promise<EarlierPassExplained[]> {
  const explained: EarlierPassExplained[] = [];
  for (const answer of answers) {
    const image = readFileSync(join(facesDir, answer.person, answer.still));
    const made = new Map<string, Buffer>([[answer.still, image]]);
    for (const attack of stillAttacks(image)) made.set(`${answer.still} ${attack.name}`, attack.image);
    const frames: Candidate[] = [];
    for (const name of answer.frames) {
      const bytes = made.get(name);
      const candidate = bytes === undefined ? null : await analyse(engine, name, bytes);
      if (candidate === null) throw new Error(`${name}: no such frame, or no face in it`);
      frames.push(candidate);
    }
    const [left, right] = frames;
    const fit = planarFit(left.landmarks, right.landmarks);
    const landmarks = evaluateLiveness(STEPS, frames, FACE_MATCH_THRESHOLD);
    const now = evaluateLocalLiveness(STEPS, frames, FACE_MATCH_THRESHOLD);
    explained.push({
      ...answer,
      direct: fit.direct,
      mirrored: fit.mirrored,
      distance: descriptorDistance(left.descriptor, right.descriptor),
      landmarkRules: landmarks.passed ? 'passed' : landmarks.reason,
      now: now.passed ? 'passed' : now.reason,
    });
  }
  return explained;
}
