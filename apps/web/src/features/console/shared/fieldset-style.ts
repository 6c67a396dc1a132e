import type { CSSProperties } from 'react';

/** A light frame around a group of fields (options, blanks, draw rules) whose <legend> names the group. */
export const FIELDSET: CSSProperties = {
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: '8px 12px',
  marginBottom: 16,
  minWidth: 0,
};
