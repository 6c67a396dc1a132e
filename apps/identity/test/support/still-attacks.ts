import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * What an attacker holding one still photo can make of it without a 3-D model: plane warps (affine,
 * perspective, as when a printed photo is tilted in front of the camera), mirror images and near-copies.
 * Used by the liveness measurement (scripts/liveness-eval.ts, the rates spec) and the e2e tests.
 */

type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer | Uint8Array;
}

function read(image: Buffer): Rgba {
  if (image[0] === 0xff && image[1] === 0xd8) return jpeg.decode(image, { useTArray: true });
  return PNG.sync.read(image);
}

function write(width: number, height: number, data: Uint8Array): Buffer {
  const png = new PNG({ width, height });
  png.data.set(data);
  return PNG.sync.write(png);
}

function sample(source: Rgba, x: number, y: number, channel: number): number {
  const cx = Math.min(source.width - 1, Math.max(0, x));
  const cy = Math.min(source.height - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(source.width - 1, x0 + 1);
  const y1 = Math.min(source.height - 1, y0 + 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const at = (px: number, py: number): number => source.data[(py * source.width + px) * 4 + channel] ?? 0;
  return (
    at(x0, y0) * (1 - fx) * (1 - fy) +
    at(x1, y0) * fx * (1 - fy) +
    at(x0, y1) * (1 - fx) * fy +
    at(x1, y1) * fx * fy
  );
}

/** Warps by `inverse`, the map from output pixel to source pixel (edges are replicated outside the source). */
function warp(image: Buffer, inverse: Matrix3): Buffer {
  const source = read(image);
  const out = new Uint8Array(source.width * source.height * 4);
  const [a, b, c, d, e, f, g, h, i] = inverse;
  for (let y = 0; y < source.height; y += 1) {
    for (let x = 0; x < source.width; x += 1) {
      const w = g * x + h * y + i;
      const sx = (a * x + b * y + c) / w;
      const sy = (d * x + e * y + f) / w;
      for (let channel = 0; channel < 4; channel += 1)
        out[(y * source.width + x) * 4 + channel] = Math.round(sample(source, sx, sy, channel));
    }
  }
  return write(source.width, source.height, out);
}

export function mirrored(image: Buffer): Buffer {
  const { width } = read(image);
  return warp(image, [-1, 0, width - 1, 0, 1, 0, 0, 0, 1]);
}

/** Rotation by `degrees` and scale about the centre, plus a horizontal shear: an affine edit. */
export function affine(image: Buffer, degrees: number, scale: number, shear: number): Buffer {
  const { width, height } = read(image);
  const t = (degrees * Math.PI) / 180;
  const cx = width / 2;
  const cy = height / 2;
  // inverse of p' = c + scale·R·S·(p − c), S = [[1, shear], [0, 1]]: p = c + S⁻¹·R⁻¹·(p' − c) / scale
  const cos = Math.cos(t) / scale;
  const sin = Math.sin(t) / scale;
  const m00 = cos + shear * sin;
  const m01 = sin - shear * cos;
  const m10 = -sin;
  const m11 = cos;
  return warp(image, [m00, m01, cx - m00 * cx - m01 * cy, m10, m11, cy - m10 * cx - m11 * cy, 0, 0, 1]);
}

/** Solves the 4-corner homography mapping `from[k]` to `to[k]`. */
function homography(from: readonly [number, number][], to: readonly [number, number][]): Matrix3 {
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (let k = 0; k < 4; k += 1) {
    const [x, y] = from[k];
    const [u, v] = to[k];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    rhs.push(u);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    rhs.push(v);
  }
  const m = rows.map((row, r) => [...row, rhs[r]]);
  for (let col = 0; col < 8; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < 8; r += 1) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 8; r += 1) {
      if (r === col) continue;
      const factor = m[r][col] / m[col][col];
      for (let k = col; k <= 8; k += 1) m[r][k] = m[r][k] - factor * m[col][k];
    }
  }
  const h = m.map((row, r) => row[8] / row[r]);
  return [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1];
}

/**
 * The picture as seen when the photo is turned about its vertical axis: the far side shrinks by `strength`
 * (0.2 = 20 %) and moves inwards. `side` is the edge that recedes.
 */
export function perspective(image: Buffer, strength: number, side: 'left' | 'right'): Buffer {
  const { width: w, height: h } = read(image);
  const inset = (strength * h) / 2;
  const narrow = strength * w * 0.5;
  const corners: [number, number][] = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  const moved: [number, number][] =
    side === 'right'
      ? [
          [0, 0],
          [w - narrow, inset],
          [w - narrow, h - inset],
          [0, h],
        ]
      : [
          [narrow, inset],
          [w, 0],
          [w, h],
          [narrow, h - inset],
        ];
  return warp(image, homography(moved, corners));
}

/** The same picture with different bytes: a brightness change, a few pixels' shift or a JPEG re-encoding. */
export function brightened(image: Buffer, delta: number): Buffer {
  const source = read(image);
  const out = Uint8Array.from(source.data, (value, index) =>
    index % 4 === 3 ? value : Math.min(255, Math.max(0, value + delta)),
  );
  return write(source.width, source.height, out);
}

export function shifted(image: Buffer, dx: number, dy: number): Buffer {
  return warp(image, [1, 0, -dx, 0, 1, -dy, 0, 0, 1]);
}

export function jpegReencoded(image: Buffer, quality: number): Buffer {
  const source = read(image);
  return Buffer.from(
    jpeg.encode({ width: source.width, height: source.height, data: Buffer.from(source.data) }, quality).data,
  );
}

export type StillAttack = 'mirror' | 'affine' | 'perspective' | 'mirror+perspective' | 'near-copy';

/** Every edit of one still the measurement tries, named; each is one frame an attacker could send. */
export function stillAttacks(
  still: Buffer,
): { readonly kind: StillAttack; readonly name: string; readonly image: Buffer }[] {
  return [
    { kind: 'mirror', name: 'mirror', image: mirrored(still) },
    { kind: 'affine', name: 'rotate 8° scale 1.1', image: affine(still, 8, 1.1, 0) },
    { kind: 'affine', name: 'rotate -5° shear 0.15', image: affine(still, -5, 1, 0.15) },
    {
      kind: 'perspective',
      name: 'photo turned, left edge recedes 25 %',
      image: perspective(still, 0.25, 'left'),
    },
    {
      kind: 'perspective',
      name: 'photo turned, right edge recedes 25 %',
      image: perspective(still, 0.25, 'right'),
    },
    {
      kind: 'perspective',
      name: 'photo turned, right edge recedes 45 %',
      image: perspective(still, 0.45, 'right'),
    },
    {
      kind: 'mirror+perspective',
      name: 'mirror, left edge recedes 35 %',
      image: perspective(mirrored(still), 0.35, 'left'),
    },
    { kind: 'near-copy', name: 'brightness +12', image: brightened(still, 12) },
    { kind: 'near-copy', name: 'shift 3 px', image: shifted(still, 3, 2) },
    { kind: 'near-copy', name: 'JPEG q75', image: jpegReencoded(still, 75) },
  ];
}
