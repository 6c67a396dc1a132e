import { useQuery } from '@tanstack/react-query';
import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import type { Attempt, ExamNotice } from './model/types';
import type { RoomApi } from './room-api';

interface Props {
  api: RoomApi;
  notice: ExamNotice;
  attempt: Attempt | null;
  timeUp: boolean;
  terminated?: boolean;
}

/** After the exam: submitted (or time up), with the score when the exam releases it at once; or terminated. */
export function FinishedPage({ api, notice, attempt, timeUp, terminated = false }: Props) {
  const { t } = useTranslation('examRoom');
  const releasesNow = notice.room ? notice.room.resultsRelease === 'immediately' : true;
  const graded = attempt?.status === 'graded';
  const results = useQuery({
    queryKey: ['exam-room', 'results', notice.examId, attempt?.attemptId],
    queryFn: () => api.results(notice.examId),
    enabled: graded && releasesNow && !terminated,
    retry: false,
  });
  const mine = results.data?.items.find((i) => i.attemptId === attempt?.attemptId);
  const score = mine?.score;
  const title = terminated
    ? t('final.terminatedTitle')
    : timeUp
      ? t('final.timeUpTitle')
      : t('final.submittedTitle');
  return (
    <main className="room-center" id="main">
      <div className="room-final">
        <PageTitle>{title}</PageTitle>
        <Result
          status={terminated ? 'error' : 'success'}
          subTitle={
            <div role="status">
              <p>{notice.title}</p>
              <p>
                {terminated
                  ? t('final.terminatedBody')
                  : timeUp
                    ? t('final.timeUpBody')
                    : t('final.submittedBody')}
              </p>
              {!terminated && score !== undefined && score !== null && (
                <Typography.Paragraph strong>
                  {t('final.score', { score, max: mine?.maxScore ?? '' })}
                </Typography.Paragraph>
              )}
              {!terminated && !(score !== undefined && score !== null) && (
                <p>{graded && releasesNow ? '' : t('final.resultsLater')}</p>
              )}
            </div>
          }
          extra={<LinkButton to="/">{t('final.home')}</LinkButton>}
        />
      </div>
    </main>
  );
}
