import { headLandmarks } from '../../../test/support/synthetic-head';
import { syntheticMesh } from '../../../test/support/synthetic-mesh';
import type { LivenessStep } from '../face-liveness';
import { FaceMeshEngine, type FaceMeshResult } from '../mesh/face-mesh';
import type { LivenessCapture, LivenessChallengeSpec } from './liveness-provider';
import { comparedPairs, LocalLivenessProvider } from './local-liveness.provider';

/** A face mesh engine that answers with the mesh scripted for each image's bytes. */
class ScriptedMesh extends FaceMeshEngine {
  readonly modelVersion = 'scripted-mesh';
  readonly analysed: string[] = [];

  constructor(private readonly meshes: Readonly<Record<string, FaceMeshResult | null>>) {
    super();
  }

  analyse(image: Buffer): Promise<FaceMeshResult | null> {
    const key = image.toString('utf8');
    this.analysed.push(key);
    return Promise.resolve(this.meshes[key] ?? null);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const result = (eyes: number, mouth: number): FaceMeshResult => ({
  mesh: syntheticMesh(eyes, mouth),
  antispoof: 0.8,
  liveness: 0.9,
  rotation: { yaw: 0, pitch: 0, roll: 0 },
});

const capture = (yaw: number, name: string): LivenessCapture => ({
  yaw,
  digest: name,
  descriptor: Float32Array.from({ length: 128 }, (_, i) => 0.01 * (i % 5)),
  landmarks: headLandmarks(yaw),
  image: Buffer.from(name),
});

const spec = (steps: LivenessStep[]): LivenessChallengeSpec => ({
  steps,
  nonce: 'n',
  issuedAt: new Date('2026-01-15T08:00:00.000Z'),
  expiresAt: new Date('2026-01-15T08:02:00.000Z'),
});

const STEPS: LivenessStep[] = ['turn_left', 'close_eyes', 'look_straight'];
const FRAMES = [capture(0.2, 'left'), capture(0.03, 'eyes'), capture(0.01, 'straight')];
// The synthetic frames carry no pixels: the pixel rule has its own spec (flat-picture.spec.ts).
const noPixels = (): null => null;

describe('LocalLivenessProvider with face actions', () => {
  it('should pass when the frame of the action shows it on the face mesh, judging only that frame', async () => {
    const mesh = new ScriptedMesh({ eyes: result(0.04, 0.02) });

    const sut = await new LocalLivenessProvider(noPixels, mesh).evaluate(spec(STEPS), FRAMES);

    expect(sut).toMatchObject({ passed: true, frontalIndex: 2, provider: 'identity-liveness' });
    expect(mesh.analysed).toEqual(['eyes']);
  });

  it('should refuse open eyes for close_eyes and a closed mouth for open_mouth', async () => {
    const mesh = new ScriptedMesh({ eyes: result(0.3, 0.02) });
    const mouthSteps: LivenessStep[] = ['turn_left', 'open_mouth', 'look_straight'];

    const eyesOpen = await new LocalLivenessProvider(noPixels, mesh).evaluate(spec(STEPS), FRAMES);
    const mouthShut = await new LocalLivenessProvider(noPixels, mesh).evaluate(spec(mouthSteps), FRAMES);

    expect(eyesOpen).toMatchObject({
      passed: false,
      reason: 'frame 1 does not show close_eyes: the eyes are open (eye aspect ratio 0.30 > 0.12)',
    });
    expect(mouthShut).toMatchObject({
      passed: false,
      reason: expect.stringContaining('frame 1 does not show open_mouth: the mouth is not open') as string,
    });
  });

  it('should refuse a face action without a face mesh, or when the mesh finds no face', async () => {
    const withoutMesh = await new LocalLivenessProvider(noPixels, null).evaluate(spec(STEPS), FRAMES);
    const noFace = await new LocalLivenessProvider(noPixels, new ScriptedMesh({})).evaluate(
      spec(STEPS),
      FRAMES,
    );

    expect(withoutMesh).toMatchObject({
      passed: false,
      reason: expect.stringContaining('face mesh is not running') as string,
    });
    expect(noFace).toMatchObject({
      passed: false,
      reason: expect.stringContaining('found no face') as string,
    });
  });

  it('should refuse an action frame that is turned away, before asking the mesh', async () => {
    const mesh = new ScriptedMesh({ eyes: result(0.04, 0.02) });
    const turned = [FRAMES[0], capture(0.2, 'eyes'), FRAMES[2]];

    const sut = await new LocalLivenessProvider(noPixels, mesh).evaluate(spec(STEPS), turned);

    expect(sut).toMatchObject({
      passed: false,
      reason: expect.stringContaining('frame 1 does not show close_eyes') as string,
    });
    expect(mesh.analysed).toEqual([]);
  });

  it('should not ask the mesh for challenges of head movements only', async () => {
    const mesh = new ScriptedMesh({});
    const steps: LivenessStep[] = ['turn_left', 'turn_right', 'look_straight'];
    const frames = [capture(0.2, 'left'), capture(-0.2, 'right'), capture(0.01, 'straight')];

    const sut = await new LocalLivenessProvider(noPixels, mesh).evaluate(spec(steps), frames);

    expect(sut.passed).toBe(true);
    expect(mesh.analysed).toEqual([]);
  });
});

describe('comparedPairs', () => {
  it('should compare every pair of a head-movement challenge', () => {
    expect(comparedPairs(['turn_right', 'look_straight', 'turn_left'])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('should not compare the two frontal frames of a face-action challenge, only each with the turn', () => {
    expect(comparedPairs(['look_straight', 'turn_left', 'open_mouth'])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
