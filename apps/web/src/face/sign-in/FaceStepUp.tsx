import { Space } from 'antd';
import { useState } from 'react';

import { acceptTokenResponse } from '../../auth/auth-actions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PreAuthFaceCheck } from '../PreAuthFaceCheck';
import { completeStepUpWithFace } from './face-sign-in-api';

interface Props {
  challengeId: string;
  faceTicket: string;
  onSignedIn: () => void;
  onCancel: () => void;
}

/** Confirms a risky sign-in with a face check instead of the code. */
export function FaceStepUp({ challengeId, faceTicket, onSignedIn, onCancel }: Props) {
  const [error, setError] = useState<unknown>(null);
  const confirm = async (faceCheckToken: string) => {
    setError(null);
    try {
      acceptTokenResponse(await completeStepUpWithFace(challengeId, faceCheckToken));
      onSignedIn();
    } catch (caught: unknown) {
      setError(caught);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} namespace="auth" />
      <PreAuthFaceCheck ticket={faceTicket} onPassed={(token) => void confirm(token)} onCancel={onCancel} />
    </Space>
  );
}
