import type { SimTrade } from './sim-state';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page a QR code or pay URL opens: what is paid, and one button that pays it. */
export function payPage(trade: SimTrade): string {
  const yuan = `${Math.trunc(trade.amountFen / 100)}.${String(trade.amountFen % 100).padStart(2, '0')}`;
  const provider = trade.provider === 'wechat' ? 'WeChat Pay (simulator)' : 'Alipay (simulator)';
  const action = `/pay/${trade.token}/confirm`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${provider}</title></head>
<body>
<h1>${provider}</h1>
<p data-field="description">${escapeHtml(trade.description)}</p>
<p data-field="amount">¥${yuan}</p>
<p data-field="status">${trade.status}</p>
<form method="post" action="${action}"><button type="submit" id="pay">Pay ¥${yuan}</button></form>
</body></html>`;
}
