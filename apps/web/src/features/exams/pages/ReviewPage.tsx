import { Card, Descriptions, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useReview } from '../api/hooks';
import type { ReviewQuestion } from '../api/types';
import { type AnswerWords, correctAnswerText, givenAnswerText } from '../logic/answer-text';
import { formatScore } from '../logic/results-availability';
import { RichText } from '../ui/RichText';
import { ToneTag } from '../ui/ToneTag';

/** An attempt's answers beside the correct ones, with the explanations, where the exam allows review. */
export function ReviewPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation('exams');
  const review = useReview(attemptId);
  const words: AnswerWords = {
    yes: t('review.true'),
    no: t('review.false'),
    none: t('review.unanswered'),
    or: t('review.or'),
  };
  return (
    <>
      <PageTitle>{t('review.title')}</PageTitle>
      {review.error ? (
        <ErrorAlert error={review.error} namespace="exams" />
      ) : !review.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {review.data.score !== null ? (
            <p className="review-total">
              {t('results.score', {
                score: formatScore(review.data.score),
                max: formatScore(review.data.maxScore),
              })}
            </p>
          ) : null}
          <ol className="review-list">
            {review.data.questions.map((question, index) => (
              <li key={question.questionId}>
                <QuestionReview question={question} index={index + 1} words={words} />
              </li>
            ))}
          </ol>
          <LinkButton to={`/my/results/${review.data.examId}`}>{t('review.backToResults')}</LinkButton>
        </Space>
      )}
    </>
  );
}

function QuestionReview({
  question,
  index,
  words,
}: {
  question: ReviewQuestion;
  index: number;
  words: AnswerWords;
}) {
  const { t } = useTranslation('exams');
  const full = question.awarded !== null && question.awarded >= question.worth;
  const none = question.awarded !== null && question.awarded <= 0;
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('review.question', { n: index })}</h2>}
      extra={
        <ToneTag tone={question.awarded === null ? 'default' : full ? 'success' : none ? 'error' : 'warning'}>
          {question.awarded === null
            ? t('review.awaitingMarker')
            : t('review.points', {
                awarded: formatScore(question.awarded),
                worth: formatScore(question.worth),
              })}
        </ToneTag>
      }
    >
      <RichText html={question.stem} />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'yours',
            label: t('review.yourAnswer'),
            children: givenAnswerText(question.yourAnswer, question.options, words),
          },
          {
            key: 'correct',
            label: t('review.correctAnswer'),
            children:
              correctAnswerText(question.correctAnswer, question.options, words) ||
              t('review.seeExplanation'),
          },
        ]}
      />
      {question.explanation ? (
        <div className="review-explanation">
          <h3 className="card-heading">{t('review.explanation')}</h3>
          <RichText html={question.explanation} />
        </div>
      ) : null}
    </Card>
  );
}
