export interface MeshWorkerSettings {
  readonly modelDir: string;
  readonly maxSidePx: number;
  readonly maxPixels: number;
}

export type MeshWorkerReady = { readonly ready: true } | { readonly ready: false; readonly message: string };

export interface MeshRequest {
  readonly id: number;
  readonly image: Uint8Array;
}

export type MeshResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly found: boolean;
      /** x, y, z per mesh point, flat. */
      readonly mesh: Float32Array;
      readonly antispoof: number | null;
      readonly liveness: number | null;
      readonly rotation: { readonly yaw: number; readonly pitch: number; readonly roll: number };
    }
  | { readonly id: number; readonly ok: false; readonly message: string };
