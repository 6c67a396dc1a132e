import type { DomainError } from '@exam/platform';

import type { DetectedFace, FaceAnalysis, FaceEngine, Point } from './engine/face-engine';
import { FaceCaptureService } from './face-capture.service';

function detected(width: number, noseX = 50): DetectedFace {
  const landmarks: Point[] = Array.from({ length: 68 }, () => ({ x: 50, y: 50 }));
  landmarks[0] = { x: 0, y: 40 };
  landmarks[16] = { x: 100, y: 40 };
  landmarks[30] = { x: noseX, y: 60 };
  return {
    score: 0.9,
    box: { x: 10, y: 10, width, height: width },
    landmarks,
    descriptor: new Float32Array(128),
  };
}

class FakeEngine implements FaceEngine {
  readonly modelVersion = 'fake-1';
  constructor(private readonly faces: DetectedFace[]) {}
  analyse(): Promise<FaceAnalysis> {
    return Promise.resolve({ width: 640, height: 480, faces: this.faces });
  }
}

async function codeOf(sut: FaceCaptureService): Promise<string> {
  try {
    await sut.singleFace(Buffer.from('img'), 'frames[1]');
    return 'accepted';
  } catch (error) {
    return `${(error as DomainError).code} ${(error as DomainError).kind} ${(error as DomainError).details[0]?.field ?? ''}`;
  }
}

describe(FaceCaptureService.name, () => {
  it('should accept exactly one face of usable size and estimate its yaw', async () => {
    const sut = new FaceCaptureService(new FakeEngine([detected(120, 70)]));

    const single = await sut.singleFace(Buffer.from('img'), 'image');

    expect(single.yaw).toBeCloseTo(0.2);
    expect(single.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.modelVersion).toBe('fake-1');
  });

  it('should reject no face, several faces and a tiny face as 422 naming the field', async () => {
    expect(await codeOf(new FaceCaptureService(new FakeEngine([])))).toBe(
      'FACE.NOT_FOUND unprocessable frames[1]',
    );
    expect(await codeOf(new FaceCaptureService(new FakeEngine([detected(120), detected(110)])))).toBe(
      'FACE.MULTIPLE unprocessable frames[1]',
    );
    expect(await codeOf(new FaceCaptureService(new FakeEngine([detected(40)])))).toBe(
      'FACE.TOO_SMALL unprocessable frames[1]',
    );
  });
});
