import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../ui/ErrorAlert';
import type { FaceCheckResponse, FaceDecision, LivenessAnswer, LivenessChallenge } from './face-types';
import { useFaceReasonText } from './FaceReasonText';
import { FaceReviewRequest } from './FaceReviewRequest';
import { LivenessCapture } from './LivenessCapture';

export interface FaceCheckFlowProps {
  requestChallenge: () => Promise<LivenessChallenge>;
  submit: (answer: LivenessAnswer) => Promise<FaceCheckResponse>;
  onPassed: (faceCheckToken: string) => void;
  onCancel?: () => void;
  /** Signed-in checks can be sent for a human review; checks before sign-in cannot. */
  allowReview: boolean;
}

type State =
  | { phase: 'capture'; attempt: number }
  | { phase: 'sending'; attempt: number }
  | { phase: 'refused'; attempt: number; decision: FaceDecision }
  | { phase: 'passed'; attempt: number };

/**
 * A face check from camera to decision: the liveness capture, the upload, then either the token for the
 * caller or the reason of the refusal with a retry (and a human review where the person is signed in).
 */
export function FaceCheckFlow({
  requestChallenge,
  submit,
  onPassed,
  onCancel,
  allowReview,
}: FaceCheckFlowProps) {
  const { t } = useTranslation('identity');
  const reasonText = useFaceReasonText();
  const [state, setState] = useState<State>({ phase: 'capture', attempt: 0 });
  const [error, setError] = useState<unknown>(null);

  const send = async (answer: LivenessAnswer) => {
    const attempt = state.attempt;
    setError(null);
    setState({ phase: 'sending', attempt });
    try {
      const result = await submit(answer);
      if (result.decision.passed && result.faceCheckToken) {
        setState({ phase: 'passed', attempt });
        onPassed(result.faceCheckToken);
      } else {
        setState({ phase: 'refused', attempt, decision: result.decision });
      }
    } catch (caught: unknown) {
      setError(caught);
      // A fresh capture (and camera) for the next try: the challenge was used or has expired.
      setState({ phase: 'capture', attempt: attempt + 1 });
    }
  };

  const retry = () => {
    setError(null);
    setState({ phase: 'capture', attempt: state.attempt + 1 });
  };

  if (state.phase === 'passed') {
    return <Alert type="success" showIcon role="status" title={t('face.check.passed')} />;
  }

  if (state.phase === 'refused') {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('face.check.refusedTitle')}
          description={reasonText(state.decision.reason, 'face_mismatch')}
        />
        <Space wrap>
          <Button type="primary" onClick={retry}>
            {t('face.check.retry')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('face.check.cancel')}</Button>}
        </Space>
        {allowReview && (
          <section aria-label={t('face.check.review')}>
            <FaceReviewRequest verificationId={state.decision.verificationId} />
          </section>
        )}
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} namespace="identity" />
      <LivenessCapture
        key={state.attempt}
        requestChallenge={requestChallenge}
        onCaptured={(answer) => void send(answer)}
        sending={state.phase === 'sending'}
      />
      {onCancel && (
        <div style={{ textAlign: 'center' }}>
          <Button type="link" onClick={onCancel}>
            {t('face.check.cancel')}
          </Button>
        </div>
      )}
    </Space>
  );
}
