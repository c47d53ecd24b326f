import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskCustomerPii,
  maskIdNumber,
  maskKnownPiiInText,
  maskPersonName,
  maskPhone,
  maskWechatId,
} from './masking.js';

describe('PII masks', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0731-84561234', '073****1234'],
    ['12345', '***45'],
    [null, null],
  ])('masks phone %s as %s', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it('keeps the region prefix and last four digits of an ID number', () => {
    expect(maskIdNumber('430104198807151234')).toBe('430***********1234');
    expect(maskIdNumber('43010419880715123X')).toBe('430***********123X');
  });

  it.each([
    ['湖南省长沙市岳麓区麓山南路12号', '湖南省长沙市岳麓区****'],
    ['湖南省长沙县星沙街道开元路8号', '湖南省长沙县****'],
    ['湖南省浏阳市集里街道88号', '湖南省浏阳市****'],
    ['人民路1号', '人民路****'],
  ])('masks address %s down to the district', (input, expected) => expect(maskAddress(input)).toBe(expected));

  it.each([
    ['张三明', '张*明'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧**娜'],
  ])('keeps surname and last character of %s', (input, expected) => expect(maskPersonName(input)).toBe(expected));

  it('masks a WeChat id to its ends', () => expect(maskWechatId('wx_zhang2026')).toBe('wx****26'));

  it('shows a company name in full but masks a resident', () => {
    const base = { phone: null, id_number: null, address: null, wechat_id: null };
    expect(maskCustomerPii({ ...base, name: '长沙化工有限公司', customer_type: 'non_residential' }).name).toBe('长沙化工有限公司');
    expect(maskCustomerPii({ ...base, name: '王小红', customer_type: 'residential' }).name).toBe('王*红');
  });
});

describe('PII read out in free text', () => {
  const holder = { name: '郭文斌', customer_type: 'residential', address: '湖南省长沙市芙蓉区幸福小区7栋' };

  it('masks a residential holder\'s name and address wherever the text repeats them', () => {
    expect(maskKnownPiiInText('户名是郭文斌，地址湖南省长沙市芙蓉区幸福小区7栋，对吗郭文斌', [holder])).toBe(
      '户名是郭*斌，地址湖南省长沙市芙蓉区****，对吗郭*斌',
    );
  });

  it('leaves company names and unrelated text alone', () => {
    const company = { name: '长沙市潇湘化工有限公司', customer_type: 'non_residential', address: null };
    expect(maskKnownPiiInText('长沙市潇湘化工有限公司的电费', [company])).toBe('长沙市潇湘化工有限公司的电费');
    expect(maskKnownPiiInText('您好，请讲', [holder])).toBe('您好，请讲');
  });
});
