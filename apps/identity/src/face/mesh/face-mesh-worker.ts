import '@tensorflow/tfjs-backend-wasm';

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

import * as tf from '@tensorflow/tfjs';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import { declaredImageSize } from '../engine/image-header';
import type {
  MeshRequest,
  MeshResponse,
  MeshWorkerReady,
  MeshWorkerSettings,
} from './face-mesh-worker.protocol';

/**
 * Entry point of the face-mesh worker thread: @vladmandic/human 3.3.6 on TensorFlow.js WASM (tfjs-node is not
 * available here), with only the face models on: detector, mesh, iris, anti-spoofing, liveness. Loads once,
 * then analyses one image per message. Models are read from node_modules through a file:// load handler
 * (nothing is fetched).
 */

/** The part of Human's API used here (its package ships types, but its exports map cannot be resolved). */
interface HumanFace {
  /** Normalised to the input (0..1); `mesh` itself is rounded to whole pixels, too coarse for eyelids. */
  readonly meshRaw: readonly (readonly number[])[];
  readonly real?: number;
  readonly live?: number;
  readonly rotation?: {
    readonly angle: { readonly yaw: number; readonly pitch: number; readonly roll: number };
  } | null;
  readonly size: readonly number[];
}
interface HumanInstance {
  load(): Promise<void>;
  detect(input: tf.Tensor): Promise<{ readonly face: readonly HumanFace[] }>;
}
type HumanConstructor = new (config: object) => HumanInstance;

const HUMAN_DIST = dirname(createRequire(__filename).resolve('@vladmandic/human'));

function loadHuman(): HumanConstructor {
  // The package's exports map lists its builds without "./", so Node refuses every subpath: load the WASM build
  // by its file path (it shares @tensorflow/tfjs-core with this thread).
  const module = createRequire(__filename)(join(HUMAN_DIST, 'human.node-wasm.js')) as {
    Human: HumanConstructor;
  };
  return module.Human;
}

/** Serves `file://…model.json` from disk: tfjs without tfjs-node has no file handler of its own. */
function registerFileLoader(): void {
  // A router answers null for URLs it does not serve (tfjs's own routers do the same; its type omits it).
  const router = (url: string | string[]): tf.io.IOHandler | null => {
    const path = Array.isArray(url) ? url[0] : url;
    if (typeof path !== 'string' || !path.startsWith('file://')) return null;
    const file = path.slice('file://'.length);
    return {
      load: () => {
        const json = JSON.parse(readFileSync(file, 'utf8')) as {
          modelTopology: object;
          format?: string;
          generatedBy?: string;
          convertedBy?: string;
          weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
        };
        const weights = Buffer.concat(
          json.weightsManifest.flatMap((group) =>
            group.paths.map((p) => readFileSync(join(dirname(file), p))),
          ),
        );
        return Promise.resolve({
          modelTopology: json.modelTopology,
          format: json.format,
          generatedBy: json.generatedBy,
          convertedBy: json.convertedBy ?? undefined,
          weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
          weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        });
      },
    };
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

function decodeRgb(bytes: Uint8Array, settings: MeshWorkerSettings): tf.Tensor4D {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = declaredImageSize(buffer);
  if (size === null) throw new Error('the image is neither PNG nor JPEG');
  if (Math.max(size.width, size.height) > settings.maxSidePx || size.width * size.height > settings.maxPixels)
    throw new Error(`the image declares ${size.width}×${size.height} pixels, more than allowed`);
  const image =
    buffer[0] === 0xff && buffer[1] === 0xd8
      ? jpeg.decode(buffer, { useTArray: true, maxResolutionInMP: settings.maxPixels / 1_000_000 })
      : PNG.sync.read(buffer);
  const rgb = new Float32Array(image.width * image.height * 3);
  for (let i = 0; i < image.width * image.height; i += 1) {
    rgb[i * 3] = image.data[i * 4];
    rgb[i * 3 + 1] = image.data[i * 4 + 1];
    rgb[i * 3 + 2] = image.data[i * 4 + 2];
  }
  return tf.tensor4d(rgb, [1, image.height, image.width, 3]);
}

const NOTHING = {
  ok: true,
  found: false,
  antispoof: null,
  liveness: null,
  rotation: { yaw: 0, pitch: 0, roll: 0 },
} as const;

async function analyse(
  human: HumanInstance,
  settings: MeshWorkerSettings,
  request: MeshRequest,
): Promise<MeshResponse> {
  let input: tf.Tensor4D;
  try {
    input = decodeRgb(request.image, settings);
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const [, height, width] = input.shape;
  try {
    const result = await human.detect(input);
    // The largest face: liveness frames show one person (the face engine refuses several).
    const face = [...result.face]
      .sort((a, b) => (b.size[0] ?? 0) * (b.size[1] ?? 0) - (a.size[0] ?? 0) * (a.size[1] ?? 0))
      .at(0);
    if (face === undefined || face.meshRaw.length === 0)
      return { ...NOTHING, id: request.id, mesh: new Float32Array(0) };
    const rotation = face.rotation?.angle ?? NOTHING.rotation;
    return {
      id: request.id,
      ok: true,
      found: true,
      mesh: Float32Array.from(
        face.meshRaw.flatMap((p) => [(p[0] ?? 0) * width, (p[1] ?? 0) * height, (p[2] ?? 0) * width]),
      ),
      antispoof: face.real ?? null,
      liveness: face.live ?? null,
      rotation: { yaw: rotation.yaw, pitch: rotation.pitch, roll: rotation.roll },
    };
  } finally {
    input.dispose();
  }
}

async function start(port: NonNullable<typeof parentPort>, settings: MeshWorkerSettings): Promise<void> {
  let human: HumanInstance;
  try {
    await tf.setBackend('wasm');
    await tf.ready();
    registerFileLoader();
    const Human = loadHuman();
    human = new Human({
      backend: 'wasm',
      modelBasePath: `file://${settings.modelDir}/`,
      debug: false,
      async: false,
      cacheModels: false,
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 1, minConfidence: 0.2, return: false },
        mesh: { enabled: true },
        iris: { enabled: true },
        attention: { enabled: false },
        description: { enabled: false },
        emotion: { enabled: false },
        antispoof: { enabled: true },
        liveness: { enabled: true },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
      filter: { enabled: false },
    });
    await human.load();
  } catch (error) {
    port.postMessage({
      ready: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies MeshWorkerReady);
    return;
  }
  // One message at a time: the engine never sends a second request before the first is answered.
  port.on('message', (request: MeshRequest) => {
    void analyse(human, settings, request).then(
      (response) => {
        port.postMessage(response);
      },
      (error: unknown) => {
        port.postMessage({
          id: request.id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        } satisfies MeshResponse);
      },
    );
  });
  port.postMessage({ ready: true } satisfies MeshWorkerReady);
}

if (parentPort !== null) void start(parentPort, workerData as MeshWorkerSettings);
