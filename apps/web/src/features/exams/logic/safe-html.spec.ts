import { attributeAllowed, reactAttributeName, renderedTag, tagRule } from './safe-html';

describe('rich text allow-list', () => {
  it('should keep formatting, tables, images and formulas', () => {
    for (const tag of ['p', 'STRONG', 'ul', 'li', 'table', 'td', 'img', 'math', 'mfrac'])
      expect(tagRule(tag)).toBe('keep');
  });

  it('should drop scripts, styles and frames with their content', () => {
    for (const tag of ['script', 'style', 'iframe', 'object', 'svg', 'template'])
      expect(tagRule(tag)).toBe('drop');
  });

  it('should unwrap anything else (links, forms, buttons) and keep its text', () => {
    for (const tag of ['a', 'form', 'button', 'font', 'input']) expect(tagRule(tag)).toBe('unwrap');
  });

  it('should never keep event handlers, styles or links', () => {
    expect(attributeAllowed('img', 'onerror', 'alert(1)')).toBe(false);
    expect(attributeAllowed('p', 'style', 'color:red')).toBe(false);
    expect(attributeAllowed('a', 'href', 'https://x')).toBe(false);
    expect(attributeAllowed('p', 'class', 'x')).toBe(false);
  });

  it('should keep images only from https or as a data:image', () => {
    expect(attributeAllowed('img', 'src', 'https://cdn.example.com/a.png')).toBe(true);
    expect(attributeAllowed('img', 'src', 'data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(attributeAllowed('img', 'src', 'javascript:alert(1)')).toBe(false);
    expect(attributeAllowed('img', 'src', 'http://plain.example.com/a.png')).toBe(false);
    expect(attributeAllowed('img', 'src', 'data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
  });

  it('should keep sizes only as numbers', () => {
    expect(attributeAllowed('td', 'colspan', '2')).toBe(true);
    expect(attributeAllowed('td', 'colspan', '2;x')).toBe(false);
    expect(attributeAllowed('img', 'width', '120')).toBe(true);
  });

  it('should name attributes as React expects', () => {
    expect(reactAttributeName('colspan')).toBe('colSpan');
    expect(reactAttributeName('rowspan')).toBe('rowSpan');
    expect(reactAttributeName('alt')).toBe('alt');
  });
});

describe('headings inside rich text', () => {
  it('should start below the page heading and its sections', () => {
    expect(renderedTag('h1')).toBe('h3');
    expect(renderedTag('H2')).toBe('h3');
    expect(renderedTag('h3')).toBe('h4');
    expect(renderedTag('h4')).toBe('h5');
    expect(renderedTag('p')).toBe('p');
  });
});
