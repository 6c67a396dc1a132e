import './face.css';

import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CameraState } from './use-camera';

interface Props {
  state: CameraState;
  /** Receives the video element (to attach the stream and to take frames from). */
  videoRef: (video: HTMLVideoElement | null) => void;
  onRetry: () => void;
  onVideoReady: () => void;
}

/** The live picture of the front camera, mirrored like a selfie, with a face outline to aim at. */
export function CameraPreview({ state, videoRef, onRetry, onVideoReady }: Props) {
  const { t } = useTranslation('identity');
  if (state.status === 'failed') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t(`face.camera.problems.${state.problem}`)}
        action={<Button onClick={onRetry}>{t('face.camera.retry')}</Button>}
      />
    );
  }
  return (
    <div className="face-camera">
      <video
        ref={videoRef}
        aria-label={t('face.camera.label')}
        muted
        playsInline
        autoPlay
        onLoadedData={onVideoReady}
      />
      <div className="face-camera-guide" aria-hidden="true" />
      {state.status === 'starting' && <div className="face-camera-status">{t('face.camera.starting')}</div>}
    </div>
  );
}
