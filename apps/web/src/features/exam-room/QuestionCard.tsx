import { FlagFilled, FlagOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

import { AnswerInput } from './AnswerInput';
import type { Answer, AnswerPart, PaperQuestion } from './model/types';
import { RichText } from './RichText';

interface Props {
  question: PaperQuestion;
  number: number;
  answer: Answer | undefined;
  flagged: boolean;
  disabled: boolean;
  onAnswer: (answer: Answer, typing: boolean) => void;
  onToggleFlag: () => void;
}

/** One question: its number, type and points, the flag for review, and its inputs (sub-questions for a composite). */
export function QuestionCard({ question, number, answer, flagged, disabled, onAnswer, onToggleFlag }: Props) {
  const { t } = useTranslation('examRoom');
  const { view, questionId } = question;
  const idBase = `q-${questionId}`;
  return (
    <section className="room-question" id={idBase} aria-labelledby={`${idBase}-title`} tabIndex={-1}>
      <div className="room-question-head">
        <h2 className="room-question-title" id={`${idBase}-title`}>
          {t('question.number', { number })}
          <span className="room-question-meta">
            {t(`type.${view.type}`)} · {t('question.points', { count: question.score })}
          </span>
        </h2>
        <Button
          size="small"
          aria-pressed={flagged}
          icon={flagged ? <FlagFilled /> : <FlagOutlined />}
          onClick={onToggleFlag}
        >
          {flagged ? t('question.unflag') : t('question.flag')}
        </Button>
      </div>
      {view.type === 'composite' ? (
        <fieldset className="room-fieldset">
          <legend className="room-stem">
            <RichText html={view.stem} id={`${idBase}-stem`} />
          </legend>
          {(view.subQuestions ?? []).map((sub, i) => {
            const parts: AnswerPart[] = Array.from(
              { length: view.subQuestions?.length ?? 0 },
              (_, j) => answer?.parts?.[j] ?? {},
            );
            return (
              <div className="room-sub" key={i}>
                <AnswerInput
                  view={sub}
                  idBase={`${idBase}-${i}`}
                  prefix={`(${i + 1})`}
                  value={parts[i]}
                  disabled={disabled}
                  onChange={(part, typing) => {
                    parts[i] = part;
                    onAnswer({ parts }, typing);
                  }}
                />
              </div>
            );
          })}
        </fieldset>
      ) : (
        <AnswerInput
          view={view}
          idBase={idBase}
          value={answer}
          disabled={disabled}
          onChange={(part, typing) => {
            onAnswer(part, typing);
          }}
        />
      )}
    </section>
  );
}
