import { alipayFundChannels, payerChannelOf, redactCardNumbers } from './payer-channel';

describe('payer channel (card data rule)', () => {
  it('should keep a WeChat bank_type as its channel code', () => {
    expect(payerChannelOf('CMB_DEBIT')).toBe('CMB_DEBIT');
    expect(payerChannelOf('OTHERS')).toBe('OTHERS');
    expect(payerChannelOf(' icbc_credit ')).toBe('ICBC_CREDIT');
  });

  it('should keep only the last four digits of anything like a card number', () => {
    expect(payerChannelOf('6222021234567890123')).toBe('****0123');
    expect(payerChannelOf('CMB 6222 0212 3456 7890')).toBe('CMB_****7890');
    expect(redactCardNumbers('card 4111-1111-1111-1111 used')).toBe('card ****1111 used');
    expect(redactCardNumbers('order 12345678901 short')).toBe('order 12345678901 short');
  });

  it('should drop what is not a string or leaves nothing', () => {
    expect(payerChannelOf(undefined)).toBeNull();
    expect(payerChannelOf(123)).toBeNull();
    expect(payerChannelOf('  ')).toBeNull();
  });

  it('should bound the channel to 32 characters', () => {
    expect(payerChannelOf('A'.repeat(100))).toHaveLength(32);
  });

  it('should read Alipay fund_bill_list channels and never a card number in it', () => {
    expect(alipayFundChannels('[{"amount":"1.00","fundChannel":"ALIPAYACCOUNT"}]')).toBe('ALIPAYACCOUNT');
    expect(
      alipayFundChannels(
        '[{"amount":"0.50","fundChannel":"PCREDIT"},{"amount":"0.50","fundChannel":"BANKCARD","cardNo":"6222021234567890123"}]',
      ),
    ).toBe('PCREDIT+BANKCARD');
    expect(alipayFundChannels('[{"fundChannel":"6222021234567890123"}]')).toBe('****0123');
    expect(alipayFundChannels('BANKCARD 6222021234567890123')).toBe('BANKCARD_****0123');
    expect(alipayFundChannels('6222021234567890123')).toBeNull();
    expect(alipayFundChannels(undefined)).toBeNull();
    expect(alipayFundChannels('{"fundChannel":"X"}')).toBeNull();
  });
});
