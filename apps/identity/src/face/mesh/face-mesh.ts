/** A point of the face mesh: image pixels for x and y, z in the same units, smaller is nearer the camera. */
export interface Point3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/**
 * What the face-mesh model (@vladmandic/human: MediaPipe face mesh with iris, and its passive anti-spoofing and
 * liveness models) says about one capture's largest face.
 */
export interface FaceMeshResult {
  /** 468 mesh points plus 10 iris points (MediaPipe order). */
  readonly mesh: readonly Point3[];
  /** Passive anti-spoofing: 0 (a picture of a face) … 1 (a real face); null when the model gave nothing. */
  readonly antispoof: number | null;
  /** Passive liveness: 0 … 1 (live); null when the model gave nothing. */
  readonly liveness: number | null;
  /** Head rotation from the mesh, radians. */
  readonly rotation: { readonly yaw: number; readonly pitch: number; readonly roll: number };
}

/** Injection token of the FaceMeshEngine, or null when no challenge asks for face actions. */
export const FACE_MESH_ENGINE = Symbol('FACE_MESH_ENGINE');

/**
 * The face-mesh model behind a port: the worker-thread implementation loads it once, off the request path;
 * tests use fakes. `analyse` resolves null when no face is found.
 */
export abstract class FaceMeshEngine {
  abstract readonly modelVersion: string;
  abstract analyse(image: Buffer): Promise<FaceMeshResult | null>;
  abstract close(): Promise<void>;
}
