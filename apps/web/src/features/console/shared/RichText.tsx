import { useMemo } from 'react';

const DROPPED = 'script,style,iframe,object,embed,link,meta,base,form';

/**
 * Question text is rich text (HTML). The exam service sanitises it when it is saved, but the editor previews
 * what staff are still typing, so it is cleaned here too: parsed inertly (DOMParser runs nothing), active
 * elements, event handlers and javascript: links removed. The CSP (`script-src 'self'`) is the last barrier.
 */
export function cleanHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.querySelectorAll(DROPPED).forEach((el) => {
    el.remove();
  });
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src') && value.startsWith('javascript:')))
        el.removeAttribute(attr.name);
    }
  });
  return doc.body.innerHTML;
}

export function RichText({ html, inline = false }: { html: string; inline?: boolean }) {
  const clean = useMemo(() => cleanHtml(html), [html]);
  const Tag = inline ? 'span' : 'div';
  return <Tag className="rich-text" dangerouslySetInnerHTML={{ __html: clean }} />;
}
