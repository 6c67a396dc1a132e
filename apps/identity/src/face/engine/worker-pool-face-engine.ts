import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { Logger } from '@nestjs/common';

import { FaceEngineUnavailableError, FaceImageInvalidError, FaceImageTooLargeError } from '../face.errors';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE_PX } from '../face.policy';
import type { DetectedFace, FaceAnalysis, FaceEngine, Point } from './face-engine';
import type {
  AnalyseRequest,
  AnalyseResponse,
  FaceWorkerSettings,
  PadRatios,
  WorkerFace,
  WorkerReady,
} from './face-worker.protocol';
import { declaredImageSize } from './image-header';

export interface WorkerPoolOptions {
  /** Threads running the model; each holds its own copy (~100 MB). Keep it at or below the free cores. */
  readonly workers: number;
  readonly minConfidence: number;
  /** See face-worker.ts: which neutral border is tried first, and the fallback. */
  readonly padRatios: PadRatios;
  /** A capture that takes longer than this fails instead of holding the caller forever. */
  readonly timeoutMs: number;
  /** Larger side of the padded detector input (see face-worker.ts); bounds the memory of one analysis. */
  readonly maxCanvasSidePx: number;
}

/**
 * Heap limits of one worker: a capture that needs more ends that worker (the job fails, the pool spawns a
 * new one) instead of the whole service. Pixel buffers live outside the heap; the header limits and the
 * canvas bound keep those small.
 */
const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };

export const DEFAULT_WORKER_POOL_OPTIONS: WorkerPoolOptions = {
  workers: 1,
  minConfidence: 0.5,
  padRatios: { thin: 0.1, wide: 0.75, cropMaxSidePx: 400 },
  timeoutMs: 20_000,
  maxCanvasSidePx: 2560,
};

/** face-api 1.7.15 ships these weights; the version goes into every stored decision. */
export const FACE_MODEL_VERSION = 'face-api@1.7.15/ssd_mobilenetv1+landmark68+recognition/tfjs-wasm@4.22.0';

interface Job {
  readonly request: AnalyseRequest;
  resolve(analysis: FaceAnalysis): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  busy: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

function modelDirectory(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

/** Runs from source under ts (tests, scripts) or from the compiled .js; the worker needs the same loader. */
function workerEntry(): { file: string; execArgv: string[] } {
  const extension = extname(__filename);
  const file = join(__dirname, `face-worker${extension}`);
  return { file, execArgv: extension === '.ts' ? ['-r', '@swc-node/register'] : [] };
}

function toDetectedFace(face: WorkerFace): DetectedFace {
  const landmarks: Point[] = [];
  for (let i = 0; i + 1 < face.landmarks.length; i += 2) {
    landmarks.push({ x: face.landmarks[i] ?? 0, y: face.landmarks[i + 1] ?? 0 });
  }
  return { score: face.score, box: face.box, landmarks, descriptor: face.descriptor };
}

/**
 * FaceEngine on a small pool of worker threads: model inference takes hundreds of milliseconds of CPU per
 * capture, which on the main thread would stall every other request of the service.
 */
export class WorkerPoolFaceEngine implements FaceEngine {
  readonly modelVersion = FACE_MODEL_VERSION;
  private readonly logger = new Logger(WorkerPoolFaceEngine.name);
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  static async start(options: Partial<WorkerPoolOptions> = {}): Promise<WorkerPoolFaceEngine> {
    const engine = new WorkerPoolFaceEngine({ ...DEFAULT_WORKER_POOL_OPTIONS, ...options });
    try {
      await Promise.all(Array.from({ length: Math.max(1, engine.options.workers) }, () => engine.spawn()));
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  }

  analyse(image: Buffer): Promise<FaceAnalysis> {
    if (this.closed) return Promise.reject(new FaceEngineUnavailableError('the face engine is shut down'));
    const size = declaredImageSize(image);
    if (size === null)
      return Promise.reject(
        new FaceImageInvalidError('the image is neither PNG nor JPEG, or its header is unreadable'),
      );
    if (Math.max(size.width, size.height) > MAX_IMAGE_SIDE_PX || size.width * size.height > MAX_IMAGE_PIXELS)
      return Promise.reject(
        new FaceImageTooLargeError(size.width, size.height, MAX_IMAGE_SIDE_PX, MAX_IMAGE_PIXELS),
      );
    return new Promise<FaceAnalysis>((resolve, reject) => {
      // Copy: the bytes are transferred to the worker and the caller's buffer may be pooled memory.
      const request: AnalyseRequest = { id: this.nextId++, image: new Uint8Array(image) };
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new FaceEngineUnavailableError('the face engine is shut down'));
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.busy?.reject(new FaceEngineUnavailableError('the face engine is shut down'));
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Promise<void> {
    const settings: FaceWorkerSettings = {
      modelDir: modelDirectory(),
      minConfidence: this.options.minConfidence,
      padRatios: this.options.padRatios,
      maxSidePx: MAX_IMAGE_SIDE_PX,
      maxPixels: MAX_IMAGE_PIXELS,
      maxCanvasSidePx: this.options.maxCanvasSidePx,
    };
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: settings,
      execArgv: entry.execArgv,
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    return new Promise<void>((resolve, reject) => {
      const onReady = (message: WorkerReady): void => {
        if (!message.ready) {
          reject(new FaceEngineUnavailableError(`face worker failed to load the model: ${message.message}`));
          return;
        }
        const slot: Slot = { worker, busy: undefined, timer: undefined };
        this.slots.push(slot);
        worker.on('message', (response: AnalyseResponse) => {
          this.settle(slot, response);
        });
        worker.on('error', (error) => {
          this.logger.error(`face worker crashed: ${error.message}`);
          this.replace(slot, error);
        });
        resolve();
        this.dispatch();
      };
      worker.once('message', onReady);
      worker.once('error', reject);
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.busy = job;
      slot.timer = setTimeout(() => {
        this.replace(
          slot,
          new FaceEngineUnavailableError(`face analysis took longer than ${this.options.timeoutMs} ms`),
        );
      }, this.options.timeoutMs);
      slot.worker.postMessage(job.request, [job.request.image.buffer as ArrayBuffer]);
    }
  }

  private settle(slot: Slot, response: AnalyseResponse): void {
    const job = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = undefined;
    slot.timer = undefined;
    if (job !== undefined && job.request.id === response.id) {
      if (response.ok) {
        job.resolve({
          width: response.width,
          height: response.height,
          faces: response.faces.map(toDetectedFace),
        });
      } else if (response.reason === 'image_invalid') {
        job.reject(new FaceImageInvalidError(response.message));
      } else {
        job.reject(new FaceEngineUnavailableError(`face analysis failed: ${response.message}`));
      }
    }
    this.dispatch();
  }

  /** A crashed or stuck worker fails its job and is replaced so that the pool keeps its size. */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy?.reject(
      error instanceof FaceEngineUnavailableError ? error : new FaceEngineUnavailableError(error.message),
    );
    void slot.worker.terminate();
    if (this.closed) return;
    this.spawn().catch((spawnError: unknown) => {
      this.logger.error(
        `face worker could not be restarted: ${spawnError instanceof Error ? spawnError.message : String(spawnError)}`,
      );
    });
  }
}
