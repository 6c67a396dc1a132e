import { Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { acceptTokenResponse, type VerificationRequired } from '../../auth/auth-actions';
import { LoginField } from '../../features/auth/CredentialFields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PreAuthFaceCheck } from '../PreAuthFaceCheck';
import { faceLogin, requestFaceLoginTicket } from './face-sign-in-api';

interface Props {
  onSignedIn: () => void;
  /** A face alone is not enough on a new device: the code step-up follows. */
  onStepUp: (challenge: VerificationRequired) => void;
  onCancel: () => void;
}

/** Sign-in by face: the account's login, the face check with its ticket, then the token from accounts. */
export function FaceSignIn({ onSignedIn, onStepUp, onCancel }: Props) {
  const { t } = useTranslation('auth');
  const [ticket, setTicket] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const askTicket = async ({ login }: { login: string }) => {
    setBusy(true);
    setError(null);
    try {
      setTicket((await requestFaceLoginTicket(login.trim())).faceTicket);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const signIn = async (faceCheckToken: string) => {
    setError(null);
    try {
      const answer = await faceLogin(faceCheckToken);
      if ('verificationRequired' in answer) {
        onStepUp(answer);
        return;
      }
      acceptTokenResponse(answer);
      onSignedIn();
    } catch (caught: unknown) {
      setTicket(null);
      setError(caught);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
      <ErrorAlert error={error} namespace="auth" />
      {ticket ? (
        <PreAuthFaceCheck ticket={ticket} onPassed={(token) => void signIn(token)} onCancel={onCancel} />
      ) : (
        <Form layout="vertical" requiredMark={false} onFinish={(v: { login: string }) => void askTicket(v)}>
          <Typography.Paragraph>{t('face.signInIntro')}</Typography.Paragraph>
          <LoginField label={t('signIn.login')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('face.continue')}
            </Button>
            <Button onClick={onCancel}>{t('face.usePassword')}</Button>
          </Space>
        </Form>
      )}
    </Space>
  );
}
