import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { type DetectedFace, FACE_ENGINE, type FaceEngine } from './engine/face-engine';
import { estimateYaw } from './engine/face-geometry';
import { FaceMultipleError, FaceNotFoundError, FaceTooSmallError } from './face.errors';
import { MIN_FACE_WIDTH_PX } from './face.policy';

export interface SingleFace {
  readonly face: DetectedFace;
  readonly yaw: number;
  readonly digest: string;
}

/** Turns one uploaded capture into exactly one usable face, or a 422 that says what to fix. */
@Injectable()
export class FaceCaptureService {
  constructor(@Inject(FACE_ENGINE) private readonly engine: FaceEngine) {}

  get modelVersion(): string {
    return this.engine.modelVersion;
  }

  async singleFace(image: Buffer, field: string): Promise<SingleFace> {
    const analysis = await this.engine.analyse(image);
    if (analysis.faces.length > 1) throw new FaceMultipleError(analysis.faces.length, field);
    const face = analysis.faces.at(0);
    if (face === undefined) throw new FaceNotFoundError(field);
    if (face.box.width < MIN_FACE_WIDTH_PX)
      throw new FaceTooSmallError(face.box.width, MIN_FACE_WIDTH_PX, field);
    return {
      face,
      yaw: estimateYaw(face.landmarks),
      digest: createHash('sha256').update(image).digest('hex'),
    };
  }
}
