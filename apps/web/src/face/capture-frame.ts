/** The identity service takes at most this many base64 characters per frame (MAX_FRAME_BASE64). */
export const MAX_FRAME_BASE64 = 320_000;
const MAX_WIDTH = 960;

/**
 * One frame of the video as JPEG base64 (without the `data:` prefix), as the camera sees it: not mirrored,
 * whatever the preview shows. At most 960 px wide; the quality steps down until it fits the upload limit.
 * The canvas is local to the call: nothing is kept after the answer is sent.
 */
export function captureJpegBase64(video: HTMLVideoElement): string {
  const scale = Math.min(1, MAX_WIDTH / Math.max(1, video.videoWidth));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
  canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.92, 0.85, 0.75, 0.6, 0.45]) {
    const base64 = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
    if (base64.length <= MAX_FRAME_BASE64) return base64;
  }
  throw new Error('frame too large');
}
