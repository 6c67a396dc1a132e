import { useCallback, useEffect, useState } from 'react';

export type CameraProblem = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'other';

export type CameraState =
  | { status: 'starting' }
  | { status: 'ready'; stream: MediaStream }
  | { status: 'failed'; problem: CameraProblem };

/** What a getUserMedia refusal means for the person (DOMException names of the Media Capture spec). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not_found';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in_use';
  return 'other';
}

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The front camera while the component using it is mounted (and `retryKey` unchanged): asked for on mount,
 * every track stopped on unmount, so the camera light goes off when the person leaves the step. Frames stay
 * in memory; nothing is recorded or stored.
 */
export function useCamera(retryKey = 0): {
  state: CameraState;
  attach: (video: HTMLVideoElement | null) => void;
} {
  const [state, setState] = useState<CameraState>({ status: 'starting' });

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    setState({ status: 'starting' });
    if (!('mediaDevices' in navigator) || typeof navigator.mediaDevices.getUserMedia !== 'function') {
      setState({ status: 'failed', problem: 'unsupported' });
      return undefined;
    }
    navigator.mediaDevices
      .getUserMedia({
        audio: false,
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      })
      .then((stream) => {
        if (cancelled) {
          stopAll(stream);
          return;
        }
        opened = stream;
        setState({ status: 'ready', stream });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'failed', problem: cameraProblemOf(error) });
      });
    return () => {
      cancelled = true;
      if (opened) stopAll(opened);
    };
  }, [retryKey]);

  const stream = state.status === 'ready' ? state.stream : null;
  const attach = useCallback(
    (video: HTMLVideoElement | null) => {
      if (!video || video.srcObject === stream) return;
      video.srcObject = stream;
      if (stream) void video.play().catch(() => undefined);
    },
    [stream],
  );
  return { state, attach };
}
