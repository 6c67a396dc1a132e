import { parentPort, workerData } from 'node:worker_threads';

import * as tf from '@tensorflow/tfjs';
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import type {
  AnalyseRequest,
  AnalyseResponse,
  FaceWorkerSettings,
  WorkerFace,
  WorkerReady,
} from './face-worker.protocol';
import { declaredImageSize } from './image-header';

/**
 * Entry point of one face worker thread: loads the models once, then analyses one image per message.
 * The WASM binary is read from node_modules by the backend itself (no setWasmPaths: that would fetch a URL).
 */

interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

const NEUTRAL_GREY = 128;

class ImageInvalid extends Error {}

function decode(bytes: Uint8Array, settings: FaceWorkerSettings): RgbaImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Decoders allocate width × height × 4 bytes from the header before reading any pixel: check it first.
  const size = declaredImageSize(buffer);
  if (size === null) throw new ImageInvalid('the image is neither PNG nor JPEG, or its header is unreadable');
  const { width, height } = size;
  if (width < 1 || height < 1) throw new ImageInvalid('the image declares no pixels');
  if (Math.max(width, height) > settings.maxSidePx || width * height > settings.maxPixels)
    throw new ImageInvalid(
      `the image declares ${width}×${height} pixels, more than ${settings.maxSidePx} px per side or ${settings.maxPixels} pixels`,
    );
  try {
    if (buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      const png = PNG.sync.read(buffer);
      return { width: png.width, height: png.height, rgba: png.data };
    }
    if (buffer[0] === 0xff && buffer[1] === 0xd8) {
      const image = jpeg.decode(buffer, {
        useTArray: true,
        maxResolutionInMP: settings.maxPixels / 1_000_000,
        maxMemoryUsageInMB: 256,
      });
      return { width: image.width, height: image.height, rgba: image.data };
    }
  } catch (error) {
    throw new ImageInvalid(
      `the image could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  throw new ImageInvalid('the image is neither PNG nor JPEG');
}

/** Box-filter shrink by a whole factor: bounds the padded detector input whatever border is tried. */
function shrink(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 4; c += 1) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy += 1) {
          for (let dx = 0; dx < factor; dx += 1)
            sum += image.rgba[((y * factor + dy) * image.width + x * factor + dx) * 4 + c] ?? 0;
        }
        rgba[(y * width + x) * 4 + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return { width, height, rgba };
}

/**
 * Tight crops (the face filling the frame) defeat the SSD detector; a live camera frame has background
 * around the face. A neutral border makes both look alike, and costs nothing on a real frame.
 */
function toPaddedTensor(image: RgbaImage, padRatio: number): { tensor: faceapi.tf.Tensor3D; pad: number } {
  const pad = Math.round(Math.max(image.width, image.height) * padRatio);
  const width = image.width + 2 * pad;
  const height = image.height + 2 * pad;
  const rgb = new Int32Array(width * height * 3).fill(NEUTRAL_GREY);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const source = (y * image.width + x) * 4;
      const target = ((y + pad) * width + x + pad) * 3;
      rgb[target] = image.rgba[source] ?? NEUTRAL_GREY;
      rgb[target + 1] = image.rgba[source + 1] ?? NEUTRAL_GREY;
      rgb[target + 2] = image.rgba[source + 2] ?? NEUTRAL_GREY;
    }
  }
  return { tensor: faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32'), pad };
}

type FaceResult = faceapi.WithFaceDescriptor<faceapi.WithFaceLandmarks<{ detection: faceapi.FaceDetection }>>;

async function detect(
  settings: FaceWorkerSettings,
  image: RgbaImage,
  padRatio: number,
): Promise<WorkerFace[]> {
  const factor = Math.max(
    1,
    Math.ceil((Math.max(image.width, image.height) * (1 + 2 * padRatio)) / settings.maxCanvasSidePx),
  );
  const input = factor === 1 ? image : shrink(image, factor);
  const { tensor, pad } = toPaddedTensor(input, padRatio);
  try {
    const results: FaceResult[] = await faceapi
      .detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: settings.minConfidence }))
      .withFaceLandmarks()
      .withFaceDescriptors();
    return results.map((result) => {
      const box = result.detection.box;
      return {
        score: result.detection.score,
        box: {
          x: (box.x - pad) * factor,
          y: (box.y - pad) * factor,
          width: box.width * factor,
          height: box.height * factor,
        },
        landmarks: result.landmarks.positions.flatMap((point) => [
          (point.x - pad) * factor,
          (point.y - pad) * factor,
        ]),
        descriptor: result.descriptor,
      };
    });
  } finally {
    tensor.dispose();
  }
}

/**
 * The first border that yields any face wins. A camera frame or photo gets a thin border first, which keeps
 * every face in it large enough to be found (a group photo is seen as several faces, not one). A small image
 * is most likely a tight crop and gets the wide border first, which it needs to be detected at all; each
 * falls back to the other border when nothing is found. One detector pass instead of two for both kinds.
 */
function borderOrder(settings: FaceWorkerSettings, image: RgbaImage): number[] {
  const { thin, wide, cropMaxSidePx } = settings.padRatios;
  return Math.max(image.width, image.height) <= cropMaxSidePx ? [wide, thin] : [thin, wide];
}

async function analyse(settings: FaceWorkerSettings, request: AnalyseRequest): Promise<AnalyseResponse> {
  let image: RgbaImage;
  try {
    image = decode(request.image, settings);
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      reason: 'image_invalid',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (image.width * image.height > settings.maxPixels || image.width < 1 || image.height < 1) {
    return {
      id: request.id,
      ok: false,
      reason: 'image_invalid',
      message: `the image must have 1..${settings.maxPixels} pixels`,
    };
  }
  let faces: WorkerFace[] = [];
  for (const padRatio of borderOrder(settings, image)) {
    faces = await detect(settings, image, padRatio);
    if (faces.length > 0) break;
  }
  return { id: request.id, ok: true, width: image.width, height: image.height, faces };
}

async function start(port: NonNullable<typeof parentPort>, settings: FaceWorkerSettings): Promise<void> {
  try {
    await tf.setBackend('wasm');
    await tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(settings.modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(settings.modelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(settings.modelDir);
  } catch (error) {
    port.postMessage({
      ready: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReady);
    return;
  }
  // One message at a time: the pool never sends a second request before the first is answered.
  port.on('message', (request: AnalyseRequest) => {
    analyse(settings, request).then(
      (response) => {
        port.postMessage(response);
      },
      (error: unknown) => {
        port.postMessage({
          id: request.id,
          ok: false,
          reason: 'engine_failed',
          message: error instanceof Error ? error.message : String(error),
        } satisfies AnalyseResponse);
      },
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}

if (parentPort !== null) {
  void start(parentPort, workerData as FaceWorkerSettings);
}
