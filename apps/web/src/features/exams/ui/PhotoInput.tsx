import { Input, Space } from 'antd';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  maxLength: number;
}

/**
 * A photo answer as the exam service takes it: an https link, or a small PNG/JPEG read here into a data URL
 * (the file never leaves the browser any other way).
 */
export function PhotoInput({ id, value, onChange, maxLength }: Props) {
  const { t } = useTranslation('exams');
  const fileId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const isData = value?.startsWith('data:') ?? false;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setProblem(null);
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setProblem(t('register.photoType'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      if (url.length > maxLength) setProblem(t('register.photoTooLarge'));
      else onChange?.(url);
    };
    reader.readAsDataURL(file);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input
        id={id}
        type="url"
        placeholder="https://"
        value={isData ? '' : (value ?? '')}
        onChange={(e) => onChange?.(e.target.value)}
      />
      <label htmlFor={fileId}>{t('register.photoFile')}</label>
      <input id={fileId} type="file" accept="image/png,image/jpeg" onChange={onFile} />
      {isData ? <span>{t('register.photoChosen')}</span> : null}
      {problem ? <span role="alert">{problem}</span> : null}
    </Space>
  );
}
