import { useMutation } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { QuestionPreview } from '../banks/QuestionPreview';
import { RichText } from '../shared/RichText';
import { useConsole } from '../shared/use-console';
import { previewPaper } from './paper-api';

/** The saved paper as one candidate would get it (a draw paper draws afresh on each preview). */
export function PaperPreview({ paperId }: { paperId: string }) {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const preview = useMutation({ mutationFn: () => previewPaper(institutionId, paperId) });
  return (
    <section aria-labelledby="paper-preview-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="paper-preview-title" style={{ fontSize: 18 }}>
        {t('paperForm.previewTitle')}
      </Typography.Title>
      <Button
        onClick={() => {
          preview.mutate();
        }}
        loading={preview.isPending}
      >
        {preview.data ? t('paperForm.previewAgain') : t('paperForm.preview')}
      </Button>
      <ErrorAlert error={preview.error} namespace="console" />
      {preview.data ? (
        <Card size="small" style={{ marginTop: 12 }}>
          <p>{t('paperForm.previewTotal', { total: preview.data.totalScore })}</p>
          {preview.data.sections.map((section, s) => (
            <div key={s}>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {section.title}
              </Typography.Title>
              {section.instructions ? <RichText html={section.instructions} /> : null}
              {section.questions.map((q, i) => (
                <QuestionPreview
                  key={q.questionId}
                  view={q.view}
                  number={`${String(s + 1)}.${String(i + 1)}`}
                />
              ))}
            </div>
          ))}
        </Card>
      ) : null}
    </section>
  );
}
