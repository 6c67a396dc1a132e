import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

import { billDownloadUrl, parseAlipayDetail, readAlipayBill } from './alipay/alipay.statement';
import { readZip } from './alipay/alipay-bill-zip';
import { billYuanToFen, StatementFormatError } from './provider-statement';
import { parseWechatTradeBill, tradeBillAnswer, verifyBillHash } from './wechat/wechat-pay.statement';

const WECHAT_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const tick = (values: string[]): string => values.map((v) => `\`${v}`).join(',');
const wechatBill = (refundTotal = '0.50', count = '2'): string =>
  [
    WECHAT_HEADER,
    tick([
      '2026-12-06 10:00:00',
      'wx1',
      '1900000001',
      '0',
      '',
      '4200001',
      'O1',
      'oid',
      'NATIVE',
      'SUCCESS',
      'OTHERS',
      'CNY',
      '199.00',
      '0.00',
      '0',
      '0',
      '0.00',
      '0.00',
      '',
      '',
      '课程',
      '',
      '1.19400',
      '0.60%',
      '199.00',
      '0.00',
      '',
    ]),
    tick([
      '2026-12-06 11:00:00',
      'wx1',
      '1900000001',
      '0',
      '',
      '4200001',
      'O1',
      'oid',
      'NATIVE',
      'REFUND',
      'OTHERS',
      'CNY',
      '0.00',
      '0.00',
      '5000001',
      'R1',
      '0.50',
      '0.00',
      'ORIGINAL',
      'SUCCESS',
      '课程',
      '',
      '-0.00300',
      '0.60%',
      '199.00',
      '0.50',
      '',
    ]),
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    tick([count, '199.00', refundTotal, '0.00', '1.19100', '199.00', '0.50']),
    '',
  ].join('\r\n');

const ALIPAY_HEADER =
  '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
const tab = (values: string[]): string => values.map((v) => `${v}\t`).join(',');
const alipayDetail = (footer = '#交易合计：1笔，退款合计：1笔'): string =>
  [
    '#支付宝业务明细查询',
    '#账号：[2088000000000001]',
    `#${'-'.repeat(10)}业务明细列表${'-'.repeat(10)}`,
    ALIPAY_HEADER,
    tab([
      '2026120622001',
      'O2',
      '交易',
      '资料',
      '2026-12-06 09:00:00',
      '2026-12-06 09:00:05',
      '',
      '',
      '',
      '',
      'a***@x.com',
      '45.50',
      '45.50',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '',
      '0.00',
      '0.00',
      '',
      '-0.27',
      '0.00',
      '',
    ]),
    tab([
      '2026120622001',
      'O2',
      '退款',
      '资料',
      '2026-12-06 12:00:00',
      '2026-12-06 12:00:00',
      '',
      '',
      '',
      '',
      'a***@x.com',
      '45.50',
      '-10.05',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '',
      '0.00',
      '0.00',
      'R2',
      '0.06',
      '0.00',
      '',
    ]),
    `#${'-'.repeat(10)}业务明细列表结束${'-'.repeat(10)}`,
    footer,
    '#导出时间：[2026年12月07日 10:00:00]',
  ].join('\r\n');

/** A one-member deflated zip, its name in GBK (no UTF-8 flag), as Alipay's. */
function zipOf(name: Buffer, data: Buffer): Buffer {
  const packed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

describe(billYuanToFen.name, () => {
  it('should read yuan as integer fen without floating point', () => {
    expect(billYuanToFen('0.01')).toBe(1);
    expect(billYuanToFen('199.00')).toBe(19_900);
    expect(billYuanToFen('12.3')).toBe(1_230);
    expect(billYuanToFen('-10.05')).toBe(-1_005);
    expect(billYuanToFen('1,234.56')).toBe(123_456);
    expect(billYuanToFen('0.29')).toBe(29);
    expect(billYuanToFen('1.19000')).toBe(119);
    for (const bad of ['1.194', 'abc', '1e3', '', '1.2.3']) expect(billYuanToFen(bad)).toBeUndefined();
  });
});

describe(parseWechatTradeBill.name, () => {
  it('should read trades and refunds of the backtick CSV', () => {
    const sut = parseWechatTradeBill(wechatBill(), '2026-12-06');
    expect(sut.payments).toEqual([
      {
        providerTradeNo: '4200001',
        outTradeNo: 'O1',
        amountFen: 19_900,
        status: 'success',
        at: new Date('2026-12-06T02:00:00Z'),
      },
    ]);
    expect(sut.refunds).toEqual([
      expect.objectContaining({
        outRefundNo: 'R1',
        providerRefundId: '5000001',
        amountFen: 50,
        status: 'success',
      }),
    ]);
  });

  it('should refuse a bill whose summary disagrees with its lines', () => {
    expect(() => parseWechatTradeBill(wechatBill('0.60'), '2026-12-06')).toThrow(StatementFormatError);
    expect(() => parseWechatTradeBill(wechatBill('0.50', '3'), '2026-12-06')).toThrow(StatementFormatError);
    expect(() => parseWechatTradeBill('a,b\r\n', '2026-12-06')).toThrow(/lacks columns/);
  });

  it('should check the file against the signed SHA1 and keep only the download path', () => {
    const bytes = Buffer.from(wechatBill());
    const hash = createHash('sha1').update(bytes).digest('hex');
    expect(() => {
      verifyBillHash(bytes, hash);
    }).not.toThrow();
    expect(() => {
      verifyBillHash(Buffer.concat([bytes, Buffer.from(' ')]), hash);
    }).toThrow(/SHA1/);
    expect(
      tradeBillAnswer({
        hash_type: 'SHA1',
        hash_value: hash,
        download_url: 'https://evil.example/v3/billdownload/file?token=a',
      }),
    ).toEqual({ hashValue: hash, downloadPath: '/v3/billdownload/file?token=a' });
    expect(() =>
      tradeBillAnswer({ hash_type: 'SHA1', hash_value: hash, download_url: 'https://x/other' }),
    ).toThrow();
    expect(() =>
      tradeBillAnswer({ hash_type: 'MD5', hash_value: hash, download_url: 'https://x/v3/billdownload/f' }),
    ).toThrow();
  });
});

describe(parseAlipayDetail.name, () => {
  it('should read trades and refunds of the detail CSV', () => {
    const sut = parseAlipayDetail(alipayDetail(), '2026-12-06');
    expect(sut.payments).toEqual([
      {
        providerTradeNo: '2026120622001',
        outTradeNo: 'O2',
        amountFen: 4_550,
        status: 'success',
        at: new Date('2026-12-06T01:00:05Z'),
      },
    ]);
    expect(sut.refunds).toEqual([
      expect.objectContaining({ outRefundNo: 'R2', amountFen: 1_005, status: 'success' }),
    ]);
  });

  it('should refuse a detail whose footer counts differ or is missing', () => {
    expect(() => parseAlipayDetail(alipayDetail('#交易合计：2笔，退款合计：1笔'), '2026-12-06')).toThrow(
      /footer/,
    );
    expect(() => parseAlipayDetail(alipayDetail('#nothing'), '2026-12-06')).toThrow(/footer/);
  });

  it('should read the GBK detail out of the zip and check its CRC', () => {
    const gbkName = Buffer.from([0xd2, 0xb5, 0xce, 0xf1, 0xc3, 0xf7, 0xcf, 0xb8]); // 业务明细
    const name = Buffer.concat([Buffer.from('2088_20261206_'), gbkName, Buffer.from('.csv')]);
    const data = Buffer.from(alipayDetail(), 'utf8');
    expect(readZip(zipOf(name, data))[0]?.name).toBe('2088_20261206_业务明细.csv');
    const damaged = zipOf(name, data);
    damaged.writeUInt32LE(1, 14 + damaged.length - 22 - 46 - name.length + 2);
    expect(() => readZip(damaged)).toThrow(/CRC-32/);
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
    expect(() => readAlipayBill(zipOf(Buffer.from('other.csv'), data), '2026-12-06')).toThrow(/业务明细/);
  });

  it('should fetch bills only from Alipay or the configured gateway', () => {
    const gateway = 'http://127.0.0.1:3101/gateway.do';
    expect(
      billDownloadUrl({ code: '10000', bill_download_url: 'https://dwbillcenter.alipay.com/d?x=1' }, gateway),
    ).toMatch(/^https:/);
    expect(
      billDownloadUrl({ code: '10000', bill_download_url: 'http://127.0.0.1:3101/d?x=1' }, gateway),
    ).toMatch(/3101/);
    expect(() =>
      billDownloadUrl({ code: '10000', bill_download_url: 'http://evil.example/d' }, gateway),
    ).toThrow();
    expect(() =>
      billDownloadUrl({ code: '10000', bill_download_url: 'http://dwbillcenter.alipay.com/d' }, gateway),
    ).toThrow();
    expect(() => billDownloadUrl({ code: '40004', sub_code: 'isp.bill_not_exist' }, gateway)).toThrow(
      /bill_not_exist/,
    );
  });
});
