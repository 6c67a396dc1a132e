import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';

/** The labelled test faces beside the checkouts (`../shared/testdata/faces`), never in the repository. */
export const FACES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'testdata', 'faces');

export type Step = 'turn_left' | 'turn_right' | 'look_straight';
/** One photo per movement, relative to FACES_DIR (e.g. `sheldon/sheldon4.png`). */
export type Moves = Record<Step, string>;

/**
 * A photo as the fake camera shows it: as it is, or mirrored and/or with the head tilted (degrees, clockwise
 * on screen). A turned photo mirrored turns the other way; a tilt changes the picture as a tilted head does.
 */
export interface Shot {
  photo: string;
  mirror?: boolean;
  tilt?: number;
}
/** One shot per movement. */
export type Shots = Record<Step, Shot | string>;

/**
 * Photos of one person whose head pose fits each movement (yaws from scripts/face-eval.ts: a turn needs
 * |yaw| ≥ 0.1, straight ≤ 0.07), none of them a label's first file (the simulator's "card photo").
 */
export const MOVES = {
  sheldon: {
    turn_left: 'sheldon/sheldon4.png',
    turn_right: 'sheldon/sheldon3.png',
    look_straight: 'sheldon/sheldon2.png',
  },
  penny: { turn_left: 'penny/penny4.png', turn_right: 'penny/penny3.png', look_straight: 'penny/penny5.png' },
  bernadette: {
    turn_left: 'bernadette/bernadette2.png',
    turn_right: 'bernadette/bernadette4.png',
    look_straight: 'bernadette/bernadette3.png',
  },
} as const satisfies Record<string, Moves>;

/** The face data is outside the repository: without it a journey is skipped locally and fails under CI. */
export function requireFaces(): void {
  const present = existsSync(FACES_DIR);
  if (!present && process.env.CI === 'true') {
    throw new Error(`the labelled test faces are missing at ${FACES_DIR}`);
  }
  test.skip(!present, `the labelled test faces are missing at ${FACES_DIR}`);
}

export function faceBase64(relative: string): string {
  return readFileSync(join(FACES_DIR, relative)).toString('base64');
}

interface FakeCameraApi {
  show: (dataUrl: string, mirror: boolean, tilt: number) => Promise<void>;
}

/**
 * Replaces the camera before the app loads: getUserMedia answers with a canvas stream (640×480) that shows
 * what the test sets with setFakeFace: the 150×150 photo enlarged to 300×300 in the middle of a neutral grey
 * picture, as a face sits in a real camera frame. The canvas is redrawn continuously so the stream flows.
 */
export async function installFakeCamera(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    let shown: { picture: HTMLImageElement; mirror: boolean; tilt: number } | null = null;
    const draw = (): void => {
      if (!context) return;
      context.fillStyle = '#8a8a8a';
      context.fillRect(0, 0, canvas.width, canvas.height);
      if (!shown) return;
      context.save();
      context.translate(320, 240);
      context.rotate((shown.tilt * Math.PI) / 180);
      context.scale(shown.mirror ? -1 : 1, 1);
      context.drawImage(shown.picture, -150, -150, 300, 300);
      context.restore();
    };
    setInterval(draw, 40);
    const fake: FakeCameraApi = {
      show: async (dataUrl: string, mirror: boolean, tilt: number) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        shown = { picture: image, mirror, tilt };
        draw();
      },
    };
    Object.defineProperty(window, '__fakeCamera', { value: fake });
    Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
      configurable: true,
      value: () => {
        draw();
        return Promise.resolve(canvas.captureStream(25));
      },
    });
  });
}

/** Shows this photo (relative to FACES_DIR, or a shot of one) in front of the fake camera. */
export async function setFakeFace(page: Page, shot: Shot | string): Promise<void> {
  const { photo, mirror = false, tilt = 0 } = typeof shot === 'string' ? { photo: shot } : shot;
  const dataUrl = `data:image/png;base64,${faceBase64(photo)}`;
  await page.evaluate(
    async ({ url, mirrored, degrees }) => {
      await (window as unknown as { __fakeCamera: FakeCameraApi }).__fakeCamera.show(url, mirrored, degrees);
    },
    { url: dataUrl, mirrored: mirror, degrees: tilt },
  );
}

const PROMPTS: Readonly<Partial<Record<string, Step>>> = {
  请慢慢向左转头: 'turn_left',
  请慢慢向右转头: 'turn_right',
  请正视摄像头: 'look_straight',
};

/**
 * Follows the liveness prompts of the page (its live region, in Chinese): at each announced movement the fake
 * camera shows the photo for it, well before the frame is taken at the end of the step. Returns the
 * movements in the order asked, and adds each to `asked` as soon as it is asked (for a route that changes the
 * answer on its way: the answer may leave before this returns).
 */
export async function followPrompts(page: Page, moves: Shots, asked: Step[] = []): Promise<Step[]> {
  const region = page.getByRole('status').filter({ hasText: /第 \d 步，共 \d 步/ });
  for (let index = 1; index <= 3; index++) {
    await expect(region).toContainText(`第 ${String(index)} 步`, { timeout: 15_000 });
    const text = (await region.textContent()) ?? '';
    const prompt = /：(.+)$/.exec(text)?.[1]?.trim() ?? '';
    const step = PROMPTS[prompt];
    if (step === undefined) throw new Error(`unknown prompt "${prompt}"`);
    await setFakeFace(page, moves[step]);
    asked.push(step);
  }
  return asked;
}
