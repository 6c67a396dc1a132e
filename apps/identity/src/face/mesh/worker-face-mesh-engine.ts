import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { Logger } from '@nestjs/common';

import { FaceEngineUnavailableError } from '../face.errors';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE_PX } from '../face.policy';
import { FaceMeshEngine, type FaceMeshResult, type Point3 } from './face-mesh';
import type {
  MeshRequest,
  MeshResponse,
  MeshWorkerReady,
  MeshWorkerSettings,
} from './face-mesh-worker.protocol';

/** @vladmandic/human 3.3.6 ships these models; the version goes into the reasons that cite the mesh. */
export const FACE_MESH_MODEL_VERSION =
  'human@3.3.6/blazeface+facemesh+iris+antispoof+liveness/tfjs-wasm@4.22.0';

const MESH_WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };
const MESH_TIMEOUT_MS = 20_000;

function workerEntry(): { file: string; execArgv: string[] } {
  const extension = extname(__filename);
  return {
    file: join(__dirname, `face-mesh-worker${extension}`),
    execArgv: extension === '.ts' ? ['-r', '@swc-node/register'] : [],
  };
}

function modelDirectory(): string {
  return join(dirname(createRequire(__filename).resolve('@vladmandic/human')), '..', 'models');
}

interface Job {
  readonly request: MeshRequest;
  resolve(result: FaceMeshResult | null): void;
  reject(error: Error): void;
}

function toResult(response: Extract<MeshResponse, { ok: true }>): FaceMeshResult | null {
  if (!response.found) return null;
  const mesh: Point3[] = [];
  for (let i = 0; i + 2 < response.mesh.length; i += 3)
    mesh.push({ x: response.mesh[i], y: response.mesh[i + 1], z: response.mesh[i + 2] });
  return { mesh, antispoof: response.antispoof, liveness: response.liveness, rotation: response.rotation };
}

/**
 * FaceMeshEngine on one worker thread, started when identity starts (`start` returns at once; the model loads
 * in the background, ~0.1-1 s) so that no request pays for loading it; a request that comes earlier waits
 * for it. A failed load or a crash is reported per request (503) and the worker is started again.
 */
export class WorkerFaceMeshEngine extends FaceMeshEngine {
  readonly modelVersion = FACE_MESH_MODEL_VERSION;
  private readonly logger = new Logger(WorkerFaceMeshEngine.name);
  private worker: Promise<Worker> | null = null;
  private readonly queue: Job[] = [];
  private busy: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;

  static start(): WorkerFaceMeshEngine {
    const engine = new WorkerFaceMeshEngine();
    engine.ensureWorker().catch((error: unknown) => {
      engine.logger.error(
        `face mesh model failed to load: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return engine;
  }

  /** Resolves when the model is loaded (for the measurement script and tests). */
  async ready(): Promise<void> {
    await this.ensureWorker();
  }

  analyse(image: Buffer): Promise<FaceMeshResult | null> {
    if (this.closed)
      return Promise.reject(new FaceEngineUnavailableError('the face mesh engine is shut down'));
    return new Promise<FaceMeshResult | null>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, image: new Uint8Array(image) }, resolve, reject });
      void this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new FaceEngineUnavailableError('the face mesh engine is shut down'));
    this.busy?.reject(new FaceEngineUnavailableError('the face mesh engine is shut down'));
    this.busy = undefined;
    if (this.timer) clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.then((w) => w.terminate()).catch(() => undefined);
  }

  private ensureWorker(): Promise<Worker> {
    this.worker ??= this.spawn().catch((error: unknown) => {
      this.worker = null;
      throw error;
    });
    return this.worker;
  }

  private spawn(): Promise<Worker> {
    const settings: MeshWorkerSettings = {
      modelDir: modelDirectory(),
      maxSidePx: MAX_IMAGE_SIDE_PX,
      maxPixels: MAX_IMAGE_PIXELS,
    };
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: settings,
      execArgv: entry.execArgv,
      resourceLimits: MESH_WORKER_LIMITS,
    });
    return new Promise<Worker>((resolve, reject) => {
      worker.once('message', (message: MeshWorkerReady) => {
        if (!message.ready) {
          void worker.terminate();
          reject(
            new FaceEngineUnavailableError(`the face mesh model could not be loaded: ${message.message}`),
          );
          return;
        }
        worker.on('message', (response: MeshResponse) => {
          this.settle(response);
        });
        worker.on('error', (error) => {
          this.logger.error(`face mesh worker crashed: ${error.message}`);
          this.restart(error);
        });
        resolve(worker);
      });
      worker.once('error', reject);
    });
  }

  private async dispatch(): Promise<void> {
    if (this.busy !== undefined) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    this.busy = job;
    let worker: Worker;
    try {
      worker = await this.ensureWorker();
    } catch (error) {
      this.busy = undefined;
      job.reject(
        error instanceof FaceEngineUnavailableError ? error : new FaceEngineUnavailableError(String(error)),
      );
      void this.dispatch();
      return;
    }
    this.timer = setTimeout(() => {
      this.restart(
        new FaceEngineUnavailableError(`face mesh analysis took longer than ${MESH_TIMEOUT_MS} ms`),
      );
    }, MESH_TIMEOUT_MS);
    worker.postMessage(job.request, [job.request.image.buffer as ArrayBuffer]);
  }

  private settle(response: MeshResponse): void {
    const job = this.busy;
    if (this.timer) clearTimeout(this.timer);
    this.busy = undefined;
    this.timer = undefined;
    if (job !== undefined && job.request.id === response.id) {
      if (response.ok) job.resolve(toResult(response));
      else job.reject(new FaceEngineUnavailableError(`face mesh analysis failed: ${response.message}`));
    }
    void this.dispatch();
  }

  /** A crashed or stuck worker fails its job; the next request starts a new one. */
  private restart(error: Error): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const job = this.busy;
    this.busy = undefined;
    job?.reject(
      error instanceof FaceEngineUnavailableError ? error : new FaceEngineUnavailableError(error.message),
    );
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) void worker.then((w) => w.terminate()).catch(() => undefined);
    if (!this.closed) void this.dispatch();
  }
}
