import { Alert, Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import type { LivenessAnswer } from '../../face/face-types';
import { useFaceReasonText } from '../../face/FaceReasonText';
import { LivenessCapture } from '../../face/LivenessCapture';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePolicyVersion } from '../auth/use-policy';
import { AppealForm } from './AppealForm';
import { createRealNameFaceChallenge, type VerificationOutcome, verifyRealNameFace } from './real-name-api';

type Phase =
  | { kind: 'intro' }
  | { kind: 'capture'; attempt: number }
  | { kind: 'sending'; attempt: number }
  | { kind: 'refused'; attempt: number; outcome: VerificationOutcome };

/**
 * The face step of the real-name verification (人脸核身): consent, the liveness movements in front of the
 * camera, then the authority compares the frontal frame with its photo of the person.
 */
export function RealNameFaceStep({ onFaceVerified }: { onFaceVerified: () => void }) {
  const { t } = useTranslation('identity');
  const reasonText = useFaceReasonText();
  const policy = usePolicyVersion();
  const [consent, setConsent] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'intro' });
  const [error, setError] = useState<unknown>(null);
  const [exhausted, setExhausted] = useState(false);

  const send = async (answer: LivenessAnswer, attempt: number) => {
    setError(null);
    setPhase({ kind: 'sending', attempt });
    try {
      const outcome = await verifyRealNameFace(answer);
      if (outcome.verified) onFaceVerified();
      else setPhase({ kind: 'refused', attempt, outcome });
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.code === 'IDENTITY.ALREADY_FACE_VERIFIED') {
        onFaceVerified();
        return;
      }
      if (caught instanceof ApiError && caught.code === 'IDENTITY.ATTEMPT_BUDGET_EXHAUSTED')
        setExhausted(true);
      setError(caught);
      setPhase({ kind: 'capture', attempt: attempt + 1 });
    }
  };

  const outcomeText = (outcome: VerificationOutcome): string =>
    outcome.livenessReason !== null ? reasonText(outcome.livenessReason) : t(`results.${outcome.result}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('faceStep.intro')}</Typography.Paragraph>
      {phase.kind === 'intro' && (
        <>
          <Checkbox
            checked={consent}
            onChange={(event) => {
              setConsent(event.target.checked);
            }}
          >
            {t('faceStep.consent', { version: policy.data?.version ?? '' })}
          </Checkbox>
          <Button
            type="primary"
            disabled={!consent}
            onClick={() => {
              setPhase({ kind: 'capture', attempt: 0 });
            }}
          >
            {t('faceStep.open')}
          </Button>
        </>
      )}
      {phase.kind === 'refused' && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('faceStep.refused')}
            description={
              <>
                <div>{outcomeText(phase.outcome)}</div>
                <div>{t('attemptsLeft', { count: phase.outcome.attemptsLeftToday })}</div>
              </>
            }
          />
          <Space wrap>
            {phase.outcome.attemptsLeftToday > 0 && (
              <Button
                type="primary"
                onClick={() => {
                  setPhase({ kind: 'capture', attempt: phase.attempt + 1 });
                }}
              >
                {t('faceStep.retry')}
              </Button>
            )}
          </Space>
        </>
      )}
      {(phase.kind === 'capture' || phase.kind === 'sending') && (
        <>
          <ErrorAlert error={error} namespace="identity" />
          {!exhausted && (
            <LivenessCapture
              key={phase.attempt}
              requestChallenge={() => createRealNameFaceChallenge(policy.data?.version)}
              onCaptured={(answer) => void send(answer, phase.attempt)}
              sending={phase.kind === 'sending'}
            />
          )}
        </>
      )}
      {(phase.kind === 'refused' || exhausted) && (
        <section aria-label={t('appeal.changeTitle')}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('appeal.changeTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('appeal.changeIntro')}</Typography.Paragraph>
          <AppealForm kind="change_request" />
        </section>
      )}
    </Space>
  );
}
