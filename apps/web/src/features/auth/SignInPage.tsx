import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { completeStepUp, signIn, type VerificationRequired } from '../../auth/auth-actions';
import { safeNext } from '../../auth/RequireAuth';
import { FaceSignIn } from '../../face/sign-in/FaceSignIn';
import { FaceStepUp } from '../../face/sign-in/FaceStepUp';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { useAction } from '../../ui/use-action';
import { CodeInput } from './CodeInput';
import { LoginField } from './CredentialFields';

interface Credentials {
  login: string;
  password: string;
}

/**
 * Password sign-in (or sign-in by face), then the one-time code, or a face check where offered, when the
 * platform asks to confirm the sign-in (step-up).
 */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const { run, busy, error, setError } = useAction();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [challenge, setChallenge] = useState<VerificationRequired | null>(null);
  const [byFace, setByFace] = useState(false);
  const [faceStepUp, setFaceStepUp] = useState(false);
  const done = () => void navigate(next, { replace: true });
  const faceTicket = challenge?.methods.includes('face') ? challenge.faceTicket : undefined;

  const onCredentials = (values: Credentials) =>
    run(async () => {
      const result = await signIn(values.login.trim(), values.password);
      if (result.kind === 'step_up') setChallenge(result.challenge);
      else void navigate(next, { replace: true });
    });

  const onCode = (values: { code: string }) =>
    run(async () => {
      if (!challenge) return;
      await completeStepUp(challenge.challengeId, values.code);
      void navigate(next, { replace: true });
    });

  return (
    <Card style={{ maxWidth: 440, margin: '0 auto' }}>
      <PageTitle>
        {challenge ? t('stepUp.title') : byFace ? t('face.signInTitle') : t('signIn.title')}
      </PageTitle>
      <ErrorAlert error={error} namespace="auth" />
      {challenge && faceStepUp && faceTicket ? (
        <FaceStepUp
          challengeId={challenge.challengeId}
          faceTicket={faceTicket}
          onSignedIn={done}
          onCancel={() => {
            setFaceStepUp(false);
          }}
        />
      ) : challenge ? (
        <Form layout="vertical" onFinish={(v: { code: string }) => void onCode(v)} style={{ marginTop: 16 }}>
          <Typography.Paragraph>
            {t('stepUp.sentTo', { to: challenge.phone ?? challenge.email ?? '' })}
          </Typography.Paragraph>
          <CodeInput name="code" label={t('stepUp.code')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('stepUp.confirm')}
            </Button>
            {faceTicket && (
              <Button
                onClick={() => {
                  setError(null);
                  setFaceStepUp(true);
                }}
              >
                {t('face.stepUpByFace')}
              </Button>
            )}
            <Button
              onClick={() => {
                setChallenge(null);
                setByFace(false);
              }}
            >
              {t('stepUp.startOver')}
            </Button>
          </Space>
        </Form>
      ) : byFace ? (
        <FaceSignIn
          onSignedIn={done}
          onStepUp={setChallenge}
          onCancel={() => {
            setByFace(false);
          }}
        />
      ) : (
        <Form<Credentials>
          layout="vertical"
          onFinish={(v) => void onCredentials(v)}
          style={{ marginTop: 16 }}
          requiredMark={false}
        >
          <LoginField label={t('signIn.login')} />
          <Form.Item
            label={t('signIn.password')}
            name="password"
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
          <Button
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              setError(null);
              setByFace(true);
            }}
          >
            {t('face.signIn')}
          </Button>
          <Space style={{ marginTop: 16 }} wrap>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
            <Link to="/sign-up">{t('signIn.noAccount')}</Link>
          </Space>
        </Form>
      )}
    </Card>
  );
}
