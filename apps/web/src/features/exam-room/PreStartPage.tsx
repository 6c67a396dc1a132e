import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { FaceStep } from './face-step';
import { enterFullScreen } from './full-screen';
import type { ExamNotice } from './model/types';
import { RulesList } from './RulesList';

interface Props {
  notice: ExamNotice;
  onStart: (body: { accessPassword?: string; faceCheckToken?: string }) => Promise<void>;
}

/** Before the start: the exam's rules, the access password and the face check when required, then start. */
export function PreStartPage({ notice, onStart }: Props) {
  const { t } = useTranslation('examRoom');
  const rules = notice.room;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(rules?.accessPasswordRequired ?? false);
  const [needFace, setNeedFace] = useState(rules?.faceCheckAtEntry ?? false);
  const [faceToken, setFaceToken] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    if (rules?.antiCheat.fullScreenRequired) await enterFullScreen();
    try {
      await onStart({
        ...(askPassword ? { accessPassword: password } : {}),
        ...(faceToken ? { faceCheckToken: faceToken } : {}),
      });
    } catch (e: unknown) {
      if (e instanceof ApiError && e.code === 'ATTEMPT.ACCESS_PASSWORD_WRONG') setAskPassword(true);
      if (
        e instanceof ApiError &&
        (e.code === 'ATTEMPT.FACE_CHECK_REQUIRED' || e.code.startsWith('FACE_CHECK.'))
      ) {
        setNeedFace(true);
        setFaceToken(null);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="room-prestart" id="main">
      <PageTitle>{notice.title}</PageTitle>
      <Card title={<h2 className="room-h2">{t('before.rulesTitle')}</h2>}>
        <RulesList notice={notice} />
        <Typography.Paragraph type="secondary">{t('before.privacy')}</Typography.Paragraph>
      </Card>
      <Form layout="vertical" className="room-start-form" onFinish={() => void start()}>
        {askPassword && (
          <Form.Item
            label={t('before.password')}
            htmlFor="room-access-password"
            extra={t('before.passwordHint')}
          >
            <Input.Password
              id="room-access-password"
              autoComplete="off"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
            />
          </Form.Item>
        )}
        {needFace && !faceToken && (
          <section aria-labelledby="room-face-title" className="room-face">
            <h2 id="room-face-title" className="room-h2">
              {t('before.faceTitle')}
            </h2>
            <FaceStep purpose="exam_start" examId={notice.examId} onPassed={setFaceToken} />
          </section>
        )}
        {faceToken && <Typography.Paragraph>{t('before.facePassed')}</Typography.Paragraph>}
        {error !== null && <ErrorAlert error={error} namespace="examRoom" />}
        <div className="room-start-actions">
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy}
            disabled={needFace && !faceToken}
          >
            {t('before.start')}
          </Button>
          <LinkButton to="/">{t('before.leave')}</LinkButton>
        </div>
      </Form>
    </main>
  );
}
