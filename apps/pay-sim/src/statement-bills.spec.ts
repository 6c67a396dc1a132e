import { crc32, inflateRawSync } from 'node:zlib';

import { SimState } from './sim-state';
import { alipayDetailCsv, billRows, damaged, type StatementEdit, wechatTradeBill } from './statement-bills';
import { encodeGbk } from './statement-gbk';
import { writeZip } from './statement-zip';

const paidAt = new Date('2026-12-06T02:00:00Z');

function stateWithTrades(): SimState {
  const state = new SimState();
  for (const [outTradeNo, amountFen] of [
    ['O1', 19_900],
    ['O2', 4_550],
  ] as const) {
    const trade = state.add({
      provider: 'wechat',
      outTradeNo,
      amountFen,
      description: '课程, 第一期',
      notifyUrl: 'http://127.0.0.1/n',
      expiresAt: undefined,
    });
    Object.assign(trade, { status: 'SUCCESS', paidAt, transactionId: `4200${outTradeNo}` });
  }
  state
    .find('wechat', 'O1')
    ?.refunds.push({ outRefundNo: 'R1', refundId: '50R1', amountFen: 1_000, at: paidAt });
  return state;
}

describe(billRows.name, () => {
  it('should list the day’s payments and refunds and nothing of other days', () => {
    const sut = billRows(stateWithTrades(), [], 'wechat', '2026-12-06');
    expect(sut.payments.map((p) => [p.outTradeNo, p.amountFen, p.description])).toEqual([
      ['O1', 19_900, '课程， 第一期'],
      ['O2', 4_550, '课程， 第一期'],
    ]);
    expect(sut.refunds.map((r) => r.outRefundNo)).toEqual(['R1']);
    expect(billRows(stateWithTrades(), [], 'wechat', '2026-12-07')).toEqual({ payments: [], refunds: [] });
    expect(billRows(stateWithTrades(), [], 'alipay', '2026-12-06').payments).toEqual([]);
  });

  it('should apply the edits, numbering an extra trade once', () => {
    const edits: StatementEdit[] = [
      { kind: 'amount', provider: 'wechat', outTradeNo: 'O1', amountFen: 100 },
      { kind: 'omit', provider: 'wechat', outTradeNo: 'O2' },
      { kind: 'refund_status', provider: 'wechat', outRefundNo: 'R1', status: 'PROCESSING' },
      {
        kind: 'extra_trade',
        provider: 'wechat',
        outTradeNo: 'X1',
        transactionId: '4200X1',
        amountFen: 5,
        at: paidAt,
      },
      { kind: 'omit', provider: 'alipay', outTradeNo: 'O1' },
    ];
    const sut = billRows(stateWithTrades(), edits, 'wechat', '2026-12-06');
    expect(sut.payments.map((p) => [p.outTradeNo, p.amountFen])).toEqual([
      ['O1', 100],
      ['X1', 5],
    ]);
    expect(sut.refunds.map((r) => r.status)).toEqual(['PROCESSING']);
  });
});

describe(wechatTradeBill.name, () => {
  it('should write backtick fields and a summary that adds up', () => {
    const lines = wechatTradeBill(
      billRows(stateWithTrades(), [], 'wechat', '2026-12-06'),
      '1900000001',
      'wx1',
    )
      .trimEnd()
      .split('\r\n');
    expect(lines[0]?.startsWith('交易时间,公众账号ID,商户号')).toBe(true);
    expect(lines[1]).toMatch(/^`2026-12-06 10:00:00,`wx1,`1900000001,/);
    expect(lines[3]).toContain('`REFUND');
    expect(lines[4]).toBe(
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    );
    expect(lines[5]).toMatch(/^`3,`244.50,`10.00,/);
  });
});

describe(writeZip.name, () => {
  it('should store GBK names and deflated members with their CRC-32', () => {
    const detail = encodeGbk(
      alipayDetailCsv(billRows(stateWithTrades(), [], 'wechat', '2026-12-06'), '2088', '2026-12-06', paidAt),
    );
    const name = encodeGbk('2088_20261206_业务明细.csv');
    const sut = writeZip([{ name, utf8Name: false, data: detail }], paidAt);
    expect(sut.readUInt32LE(0)).toBe(0x04034b50);
    expect(sut.readUInt16LE(6)).toBe(0);
    expect(new TextDecoder('gbk').decode(sut.subarray(30, 30 + name.length))).toBe(
      '2088_20261206_业务明细.csv',
    );
    const packed = sut.subarray(30 + name.length, 30 + name.length + sut.readUInt32LE(18));
    const data = inflateRawSync(packed);
    expect(crc32(data)).toBe(sut.readUInt32LE(14));
    expect(new TextDecoder('gbk').decode(data)).toContain('#交易合计：2笔，退款合计：1笔');
    expect(damaged(sut).equals(sut)).toBe(false);
  });
});
