import type { Point } from '../../src/face/engine/face-engine';

/**
 * 68 landmarks of a rough 3-D head (iBUG order: jaw, brows, nose, eyes, mouth), projected orthographically
 * after turning it by a yaw angle. Depth is what a 2-D edit of one picture cannot fake: the nose sits in
 * front of the eyes, the jaw line behind them. Unit tests of the liveness rules use it instead of images.
 */
const HEAD: readonly (readonly [number, number, number])[] = [
  ...Array.from({ length: 17 }, (_, i) => {
    const t = Math.PI * (i / 16);
    return [-Math.cos(t), 0.1 + 0.9 * Math.sin(t), -0.35 + 0.25 * Math.sin(t)] as const;
  }),
  ...Array.from({ length: 10 }, (_, i) => {
    const x = i < 5 ? -0.75 + i * 0.14 : 0.19 + (i - 5) * 0.14;
    return [x, -0.35 - 0.05 * Math.sin((i % 5) * 0.8), 0.25] as const;
  }),
  [0, -0.2, 0.35],
  [0, -0.05, 0.45],
  [0, 0.1, 0.55],
  [0, 0.25, 0.65],
  ...Array.from(
    { length: 5 },
    (_, i) => [-0.2 + i * 0.1, 0.35 - 0.03 * Math.abs(i - 2), 0.4 + 0.04 * (2 - Math.abs(i - 2))] as const,
  ),
  ...[-1, 1].flatMap((side) =>
    Array.from({ length: 6 }, (_, i) => {
      const t = (Math.PI * i) / 3;
      return [
        side * 0.4 + 0.15 * Math.cos(t) * (side < 0 ? -1 : 1) * -1,
        -0.2 - 0.06 * Math.sin(t),
        0.2,
      ] as const;
    }),
  ),
  ...Array.from({ length: 12 }, (_, i) => {
    const t = (2 * Math.PI * i) / 12;
    return [-0.35 * Math.cos(t), 0.65 - 0.12 * Math.sin(t), 0.3 + 0.05 * Math.sin(t)] as const;
  }),
  ...Array.from({ length: 8 }, (_, i) => {
    const t = (2 * Math.PI * i) / 8;
    return [-0.25 * Math.cos(t), 0.65 - 0.04 * Math.sin(t), 0.32] as const;
  }),
];

/** estimateYaw of the projection is about 0.5·tan(angle) for this head; this inverts it. */
export function headLandmarks(yaw: number, scale = 100, offset = { x: 200, y: 200 }): Point[] {
  const angle = Math.atan(yaw / 0.5);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return HEAD.map(([x, y, z]) => ({ x: offset.x + scale * (x * cos + z * sin), y: offset.y + scale * y }));
}

/** Every landmark moved by one plane transform: what warping the picture does (a, b, c, d, e, f, g, h). */
export function warpedLandmarks(points: readonly Point[], m: readonly number[]): Point[] {
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, h = 0] = m;
  return points.map((p) => {
    const w = g * p.x + h * p.y + 1;
    return { x: (a * p.x + b * p.y + c) / w, y: (d * p.x + e * p.y + f) / w };
  });
}
