import { Checkbox, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CandidateQuestionView } from '../papers/paper-types';
import { RichText } from '../shared/RichText';

/** A question as the candidate sees it in the exam room (inputs shown but inert). */
export function QuestionPreview({ view, number }: { view: CandidateQuestionView; number: string }) {
  const { t } = useTranslation('console');
  const label = t('preview.questionLabel', { n: number });
  return (
    <div role="group" aria-label={label} style={{ marginBottom: 16 }}>
      <Typography.Text strong>
        {number}. {t(`questionTypes.${view.type}`)} {t('preview.points', { score: view.score })}
      </Typography.Text>
      <RichText html={view.stem} />
      {view.options ? (
        view.type === 'multiple' ? (
          <Checkbox.Group
            disabled
            aria-label={t('preview.answerOf', { n: number })}
            options={view.options.map((o) => ({
              value: o.key,
              label: <OptionLabel k={o.key} html={o.text} />,
            }))}
          />
        ) : (
          <Radio.Group
            disabled
            aria-label={t('preview.answerOf', { n: number })}
            options={view.options.map((o) => ({
              value: o.key,
              label: <OptionLabel k={o.key} html={o.text} />,
            }))}
          />
        )
      ) : null}
      {view.type === 'true_false' ? (
        <Radio.Group
          disabled
          aria-label={t('preview.answerOf', { n: number })}
          options={[
            { value: true, label: t('preview.true') },
            { value: false, label: t('preview.false') },
          ]}
        />
      ) : null}
      {view.blankCount ? (
        <Space wrap>
          {Array.from({ length: view.blankCount }, (_, i) => (
            <Input key={i} disabled aria-label={t('preview.blank', { n: i + 1 })} style={{ width: 160 }} />
          ))}
        </Space>
      ) : null}
      {view.type === 'essay' ? (
        <Input.TextArea disabled rows={3} aria-label={t('preview.answerOf', { n: number })} />
      ) : null}
      {view.subQuestions?.map((sub, i) => (
        <div key={i} style={{ marginLeft: 16, marginTop: 8 }}>
          <QuestionPreview view={sub} number={`${number}.${String(i + 1)}`} />
        </div>
      ))}
    </div>
  );
}

function OptionLabel({ k, html }: { k: string; html: string }) {
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      {k}. <RichText html={html} inline />
    </span>
  );
}
