import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../ui/ErrorAlert';
import { CameraPreview } from './CameraPreview';
import { captureJpegBase64 } from './capture-frame';
import type { LivenessAnswer, LivenessChallenge } from './face-types';
import { abortableSleep, CaptureAborted, runLivenessSteps, type StepProgress } from './liveness-runner';
import { useCamera } from './use-camera';

interface Props {
  /** Asked when the person presses Start, so the 2-minute challenge starts with the movements. */
  requestChallenge: () => Promise<LivenessChallenge>;
  /** The frames of a completed run; the caller sends them (and unmounts this, which turns the camera off). */
  onCaptured: (answer: LivenessAnswer) => void;
  /** Shown while the caller sends the frames. */
  sending?: boolean;
}

type Phase = 'idle' | 'requesting' | 'running' | 'stopped';

/**
 * The camera and the liveness movements, shared by the real-name face step, the face checks of exams and the
 * face checks before sign-in: preview, a Start button (keyboard operable), each movement announced in a live
 * region with a countdown, one frame taken at the end of each movement.
 */
export function LivenessCapture({ requestChallenge, onCaptured, sending = false }: Props) {
  const { t } = useTranslation('identity');
  const [cameraKey, setCameraKey] = useState(0);
  const { state, attach } = useCamera(cameraKey);
  const video = useRef<HTMLVideoElement | null>(null);
  const [videoReady, setVideoReady] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<StepProgress | null>(null);
  const [stepCount, setStepCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useRef<AbortController | null>(null);

  useEffect(() => () => run.current?.abort(), []);

  const videoRef = useCallback(
    (element: HTMLVideoElement | null) => {
      video.current = element;
      attach(element);
    },
    [attach],
  );

  const start = async () => {
    const element = video.current;
    if (!element) return;
    const controller = new AbortController();
    run.current = controller;
    setError(null);
    setPhase('requesting');
    try {
      const challenge = await requestChallenge();
      const receivedAt = performance.now();
      setStepCount(challenge.steps.length);
      setPhase('running');
      const answer = await runLivenessSteps(
        challenge,
        receivedAt,
        {
          now: () => performance.now(),
          sleep: abortableSleep,
          capture: () => captureJpegBase64(element),
        },
        setProgress,
        controller.signal,
      );
      setProgress(null);
      setPhase('idle');
      onCaptured(answer);
    } catch (caught: unknown) {
      setProgress(null);
      if (caught instanceof CaptureAborted) {
        setPhase('stopped');
        return;
      }
      setPhase('idle');
      setError(caught);
    } finally {
      if (run.current === controller) run.current = null;
    }
  };

  const stop = () => {
    run.current?.abort();
  };

  const busy = phase === 'requesting' || phase === 'running' || sending;
  const canStart = state.status === 'ready' && videoReady && !busy;
  const prompt = progress
    ? t('face.capture.step', {
        index: progress.index + 1,
        total: progress.total,
        prompt: t(`face.steps.${progress.step}`),
      })
    : phase === 'requesting'
      ? t('face.capture.preparing')
      : sending
        ? t('face.capture.sending')
        : phase === 'stopped'
          ? t('face.capture.stopped')
          : '';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {stepCount === null ? t('face.capture.introUnknown') : t('face.capture.intro', { count: stepCount })}{' '}
        {t('face.camera.hint')}
      </Typography.Paragraph>
      <CameraPreview
        state={state}
        videoRef={videoRef}
        onVideoReady={() => {
          setVideoReady(true);
        }}
        onRetry={() => {
          setVideoReady(false);
          setCameraKey((key) => key + 1);
        }}
      />
      <div className="face-prompt" role="status" aria-live="assertive" aria-atomic="true">
        {prompt}
      </div>
      <div className="face-countdown" aria-hidden="true">
        {progress ? t('face.capture.countdown', { seconds: progress.secondsLeft }) : ''}
      </div>
      <ErrorAlert error={error} namespace="identity" />
      <Space wrap style={{ justifyContent: 'center', width: '100%' }}>
        {phase === 'running' ? (
          <Button onClick={stop}>{t('face.capture.stop')}</Button>
        ) : (
          <Button
            type="primary"
            size="large"
            disabled={!canStart}
            loading={busy}
            onClick={() => void start()}
          >
            {t('face.capture.start')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
