import { Typography } from 'antd';

/** A policy's text as published: plain text, its paragraphs and line breaks kept. */
export function PolicyText({ text }: { text: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: '75ch' }}>{text}</Typography.Paragraph>
  );
}
