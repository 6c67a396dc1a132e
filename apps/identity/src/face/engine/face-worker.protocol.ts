/** Messages between the pool (main thread) and one face worker. Plain data only: it crosses a thread boundary. */
export interface AnalyseRequest {
  readonly id: number;
  readonly image: Uint8Array;
}

export interface WorkerFace {
  readonly score: number;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly landmarks: readonly number[];
  readonly descriptor: Float32Array;
}

export type AnalyseResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly width: number;
      readonly height: number;
      readonly faces: readonly WorkerFace[];
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly reason: 'image_invalid' | 'engine_failed';
      readonly message: string;
    };

export type WorkerReady = { readonly ready: true } | { readonly ready: false; readonly message: string };

export interface PadRatios {
  readonly thin: number;
  readonly wide: number;
  /** Images up to this size (larger side, px) are taken for face crops and get the wide border first. */
  readonly cropMaxSidePx: number;
}

export interface FaceWorkerSettings {
  readonly modelDir: string;
  readonly minConfidence: number;
  /** Neutral borders, each side, as a fraction of the larger image side (see face-worker.ts). */
  readonly padRatios: PadRatios;
  /** Header limits (see MAX_IMAGE_SIDE_PX): checked again here before decoding, whatever the caller did. */
  readonly maxSidePx: number;
  readonly maxPixels: number;
  /** Larger side of the padded detector input; a larger image is shrunk by a whole factor first. */
  readonly maxCanvasSidePx: number;
}
