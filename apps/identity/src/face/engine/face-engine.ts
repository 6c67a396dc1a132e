/** A point in image pixel coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One face found in a capture: detector confidence, box, the 68 landmarks and the 128-d descriptor. */
export interface DetectedFace {
  readonly score: number;
  readonly box: FaceBox;
  readonly landmarks: readonly Point[];
  readonly descriptor: Float32Array;
}

export interface FaceAnalysis {
  /** Size of the decoded capture before padding; boxes and landmarks are in these coordinates. */
  readonly width: number;
  readonly height: number;
  readonly faces: readonly DetectedFace[];
}

/**
 * The face model behind an injectable port, so that use cases can be unit tested without it and the real
 * engine (worker threads running face-api on TensorFlow.js WASM) is swapped in by the module.
 */
export interface FaceEngine {
  /** Identifies model + detector settings; stored with every decision so old decisions stay explainable. */
  readonly modelVersion: string;
  /** Decodes a PNG or JPEG capture and finds every face in it. Rejects with FaceImageInvalidError on bad input. */
  analyse(image: Buffer): Promise<FaceAnalysis>;
}

export const FACE_ENGINE = Symbol('FACE_ENGINE');
