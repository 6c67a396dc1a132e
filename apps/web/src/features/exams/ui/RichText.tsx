import { createElement, Fragment, type ReactNode, useMemo } from 'react';

import { attributeAllowed, isVoidTag, reactAttributeName, renderedTag, tagRule } from '../logic/safe-html';

/**
 * Rich text from the server (already sanitised when stored) rendered as React elements built here from an
 * inert parse, through the allow-list: no HTML string is ever injected into the page.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return toReact(doc.body.childNodes, 'rt');
  }, [html]);
  return <div className={className ?? 'rich-text'}>{content}</div>;
}

function toReact(nodes: NodeListOf<ChildNode>, prefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${prefix}.${index}`;
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent);
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.localName;
    const rule = tagRule(tag);
    if (rule === 'drop') return;
    const children = toReact(node.childNodes, key);
    if (rule === 'unwrap') {
      out.push(<Fragment key={key}>{children}</Fragment>);
      return;
    }
    const props: Record<string, string> = { key };
    for (const attribute of Array.from(node.attributes)) {
      if (attributeAllowed(tag, attribute.name, attribute.value))
        props[reactAttributeName(attribute.name)] = attribute.value;
    }
    if (tag === 'img' && !('alt' in props)) props.alt = '';
    const element = renderedTag(tag);
    out.push(isVoidTag(element) ? createElement(element, props) : createElement(element, props, ...children));
  });
  return out;
}
