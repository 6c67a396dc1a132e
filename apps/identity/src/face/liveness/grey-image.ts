import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

import type { Point } from '../engine/face-engine';

/** Luminance (0-255) of an image, row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** The face cut out of a capture and resampled to a fixed width, with its landmarks in patch pixels. */
export interface FacePatch {
  readonly image: GreyImage;
  readonly landmarks: readonly Point[];
}

/** Face width (jaw line extent, see FACE_PATCH_MARGIN) of every patch: small enough to align fast. */
export const FACE_PATCH_FACE_WIDTH_PX = 96;
/** Border around the landmarks' bounding box, as a share of its size. */
const FACE_PATCH_MARGIN = 0.2;
const JPEG_MAX_MEMORY_MB = 256;

/**
 * Decodes a PNG or JPEG capture to luminance. The capture was already accepted by the face engine (header
 * limits, decodable), so this only runs on images the engine analysed.
 */
export function decodeGrey(bytes: Buffer, maxPixels: number): GreyImage {
  const rgba =
    bytes[0] === 0xff && bytes[1] === 0xd8
      ? jpeg.decode(bytes, {
          useTArray: true,
          maxResolutionInMP: maxPixels / 1_000_000,
          maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB,
        })
      : PNG.sync.read(bytes);
  const { width, height } = rgba;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i += 1) {
    const r = rgba.data[i * 4] ?? 0;
    const g = rgba.data[i * 4 + 1] ?? 0;
    const b = rgba.data[i * 4 + 2] ?? 0;
    data[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return { width, height, data };
}

/** Bilinear sample; NaN outside the image (such samples are left out of every sum). */
export function sampleGrey(image: GreyImage, x: number, y: number): number {
  if (!(x >= 0 && y >= 0 && x <= image.width - 1 && y <= image.height - 1)) return Number.NaN;
  const x0 = Math.min(Math.floor(x), image.width - 2);
  const y0 = Math.min(Math.floor(y), image.height - 2);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * image.width + x0;
  const d = image.data;
  return (
    (d[i] ?? 0) * (1 - fx) * (1 - fy) +
    (d[i + 1] ?? 0) * fx * (1 - fy) +
    (d[i + image.width] ?? 0) * (1 - fx) * fy +
    (d[i + image.width + 1] ?? 0) * fx * fy
  );
}

/**
 * The face region of `image` (landmarks' box plus a margin) resampled so that the face is
 * FACE_PATCH_FACE_WIDTH_PX wide, averaging the source pixels each patch pixel covers (no aliasing when a
 * 1280×720 frame is shrunk).
 */
export function facePatch(image: GreyImage, landmarks: readonly Point[]): FacePatch {
  const xs = landmarks.map((p) => p.x);
  const ys = landmarks.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const faceWidth = Math.max(1, maxX - minX);
  const scale = FACE_PATCH_FACE_WIDTH_PX / faceWidth;
  const left = minX - FACE_PATCH_MARGIN * faceWidth;
  const top = minY - FACE_PATCH_MARGIN * (maxY - minY);
  const width = Math.round((1 + 2 * FACE_PATCH_MARGIN) * FACE_PATCH_FACE_WIDTH_PX);
  const height = Math.round((1 + 2 * FACE_PATCH_MARGIN) * (maxY - minY) * scale);
  const step = 1 / scale;
  const taps = Math.max(1, Math.ceil(step));
  const data = new Float32Array(width * height);
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      let sum = 0;
      let count = 0;
      for (let ty = 0; ty < taps; ty += 1) {
        for (let tx = 0; tx < taps; tx += 1) {
          const value = sampleGrey(
            image,
            left + (px + (tx + 0.5) / taps) * step - 0.5,
            top + (py + (ty + 0.5) / taps) * step - 0.5,
          );
          if (!Number.isNaN(value)) {
            sum += value;
            count += 1;
          }
        }
      }
      data[py * width + px] = count === 0 ? Number.NaN : sum / count;
    }
  }
  return {
    image: { width, height, data },
    landmarks: landmarks.map((p) => ({ x: (p.x - left) * scale, y: (p.y - top) * scale })),
  };
}

/** Separable Gaussian blur (NaN pixels stay NaN and do not spread). */
export function blurGrey(image: GreyImage, sigma: number): GreyImage {
  const radius = Math.ceil(2.5 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma ** 2)),
  );
  const pass = (source: Float32Array, dx: number, dy: number): Float32Array => {
    const out = new Float32Array(source.length);
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 0; x < image.width; x += 1) {
        const centre = source[y * image.width + x] ?? Number.NaN;
        if (Number.isNaN(centre)) {
          out[y * image.width + x] = Number.NaN;
          continue;
        }
        let sum = 0;
        let weight = 0;
        for (let k = -radius; k <= radius; k += 1) {
          const sx = x + k * dx;
          const sy = y + k * dy;
          if (sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) continue;
          const value = source[sy * image.width + sx] ?? Number.NaN;
          if (Number.isNaN(value)) continue;
          const w = kernel[k + radius] ?? 0;
          sum += w * value;
          weight += w;
        }
        out[y * image.width + x] = sum / weight;
      }
    }
    return out;
  };
  return { width: image.width, height: image.height, data: pass(pass(image.data, 1, 0), 0, 1) };
}

/** The picture mirrored left-right, with its landmarks moved (not relabelled) accordingly. */
export function mirrorPatch(patch: FacePatch): FacePatch {
  const { width, height, data } = patch.image;
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) out[y * width + x] = data[y * width + (width - 1 - x)] ?? Number.NaN;
  return {
    image: { width, height, data: out },
    landmarks: patch.landmarks.map((p) => ({ x: width - 1 - p.x, y: p.y })),
  };
}
