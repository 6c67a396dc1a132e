import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { eyeAspectRatio, mouthAspectRatio } from '../../src/face/mesh/face-actions';
import type { FaceMeshEngine, FaceMeshResult } from '../../src/face/mesh/face-mesh';
import { stillAttacks } from './still-attacks';

/**
 * What the face mesh model (@vladmandic/human) says about the labelled faces and the 2-D edits of each:
 * its passive anti-spoofing and liveness scores, how far its head yaw moves under each edit, and the eye and
 * mouth ratios the face actions read. Decides whether any of it can gate a check (docs/face-liveness.md).
 */

export interface MeshSignals {
  /** Per kind of frame ('photo' for the unedited photos, else the edit's name): scores of the frames found. */
  readonly byKind: Readonly<
    Record<
      string,
      { found: number; tried: number; antispoof: number[]; liveness: number[]; yawChange: number[] }
    >
  >;
  /** Eye and mouth aspect ratios of the unedited photos (eyes open, mouths closed or speaking). */
  readonly eyeRatios: readonly number[];
  readonly mouthRatios: readonly number[];
  readonly msPerFrame: readonly number[];
}

export async function measureMeshSignals(mesh: FaceMeshEngine, facesDir: string): Promise<MeshSignals> {
  const byKind: Record<
    string,
    { found: number; tried: number; antispoof: number[]; liveness: number[]; yawChange: number[] }
  > = {};
  const eyeRatios: number[] = [];
  const mouthRatios: number[] = [];
  const msPerFrame: number[] = [];
  const record = (kind: string, result: FaceMeshResult | null, baseYaw: number | null): void => {
    byKind[kind] ??= { found: 0, tried: 0, antispoof: [], liveness: [], yawChange: [] };
    const entry = byKind[kind];
    entry.tried += 1;
    if (result === null) return;
    entry.found += 1;
    if (result.antispoof !== null) entry.antispoof.push(result.antispoof);
    if (result.liveness !== null) entry.liveness.push(result.liveness);
    if (baseYaw !== null) entry.yawChange.push(result.rotation.yaw - baseYaw);
  };
  const timed = async (image: Buffer): Promise<FaceMeshResult | null> => {
    const started = performance.now();
    const result = await mesh.analyse(image);
    msPerFrame.push(performance.now() - started);
    return result;
  };
  const people = readdirSync(facesDir)
    .filter((p) => !p.startsWith('_'))
    .sort();
  for (const person of people) {
    for (const file of readdirSync(join(facesDir, person)).sort()) {
      const image = readFileSync(join(facesDir, person, file));
      const photo = await timed(image);
      record('photo', photo, null);
      if (photo !== null) {
        eyeRatios.push(eyeAspectRatio(photo.mesh));
        mouthRatios.push(mouthAspectRatio(photo.mesh));
      }
      for (const attack of stillAttacks(image))
        record(attack.name, await timed(attack.image), photo?.rotation.yaw ?? null);
    }
  }
  return { byKind, eyeRatios, mouthRatios, msPerFrame };
}
