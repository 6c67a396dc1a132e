import { sanitizeRichText } from './rich-text';

describe('sanitizeRichText', () => {
  it('should keep formatting, lists, tables, images and formulas', () => {
    const html =
      '<p><b>粗</b> <em>i</em> $x^2$ \\(a+b\\)</p><ul><li>1</li></ul><table><tr><td colspan="2">c</td></tr></table>' +
      '<img src="https://example.com/a.png" alt="a"><img src="data:image/png;base64,iVBORw0KGgo=">' +
      '<math><mi>x</mi><mo>=</mo><mn>1</mn></math>';
    const clean = sanitizeRichText(html);
    expect(clean).toContain('<b>粗</b>');
    expect(clean).toContain('$x^2$ \\(a+b\\)');
    expect(clean).toContain('<td colspan="2">c</td>');
    expect(clean).toContain('src="https://example.com/a.png"');
    expect(clean).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(clean).toContain('<math><mi>x</mi><mo>=</mo><mn>1</mn></math>');
  });

  it('should drop scripts, event handlers, javascript: and non-image data URLs', () => {
    const clean = sanitizeRichText(
      '<script>alert(1)</script><p onclick="x()">t</p><img src="javascript:alert(1)" onerror="x()">' +
        '<img src="data:text/html;base64,PHNjcmlwdD4="><a href="javascript:alert(1)">l</a><style>p{}</style>' +
        '<iframe src="https://e.com"></iframe><svg onload="x()"></svg>',
    );
    expect(clean).not.toMatch(/script|onclick|onerror|javascript|data:text|iframe|svg|style|onload/i);
    expect(clean).toContain('<p>t</p>');
  });
});
