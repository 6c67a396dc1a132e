import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examPath } from '../shared/api-paths';
import { useConsole } from '../shared/use-console';
import { bankKeys } from './bank-api';

/**
 * Deletes a question after a confirmation. The exam service refuses one a published exam uses
 * (BANK.QUESTION_IN_USE); the refusal stays on the page in words.
 */
export function DeleteQuestionButton(props: { bankId: string; questionId: string; stem: string }) {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      api(examPath(institutionId, `/banks/${props.bankId}/questions/${props.questionId}`), {
        method: 'DELETE',
      }),
    onSuccess: async () => {
      // Leave the editor first: refreshing the bank while it is still shown would ask for the deleted
      // question (and its versions) again and get 404s.
      await navigate(`/console/${institutionId}/banks/${props.bankId}`);
      queryClient.removeQueries({ predicate: (query) => query.queryKey.includes(props.questionId) });
      await queryClient.invalidateQueries({ queryKey: bankKeys.one(institutionId, props.bankId) });
    },
    onSettled: () => {
      setAsking(false);
    },
  });
  return (
    <>
      <Button
        danger
        onClick={() => {
          remove.reset();
          setAsking(true);
        }}
      >
        {t('questionDelete.button')}
      </Button>
      <ErrorAlert error={remove.error} namespace="console" />
      {asking ? (
        <Modal
          open
          title={t('questionDelete.title')}
          okText={t('questionDelete.confirm')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          cancelText={t('cancel')}
          onOk={() => {
            remove.mutate();
          }}
          onCancel={() => {
            setAsking(false);
          }}
        >
          <Typography.Paragraph>{t('questionDelete.body', { stem: props.stem })}</Typography.Paragraph>
        </Modal>
      ) : null}
    </>
  );
}
