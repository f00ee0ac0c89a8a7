// The 填表单位 / 联系人 / 联系电话 line in the shapes counties type it.
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { readFormHeader } from '../../src/word/read-form-header.ts';

const form = loadCampaign().form;
const header = (text: string) => {
  const { unit, contact, phone } = readFormHeader(text, form);
  return { unit, contact, phone };
};

describe('readFormHeader', () => {
  it('reads one line with （盖章） after the unit', () => {
    expect(header('填表单位：XX县教育局（盖章）   联系人：张三  联系电话：0730-1234567'))
      .toEqual({ unit: 'XX县教育局', contact: '张三', phone: '0730-1234567' });
  });

  it('reads one line with （盖章） before the unit', () => {
    expect(header('填表单位：（盖章）XX县教育局   联系人：张三  联系电话：0730-1234567').unit).toBe('XX县教育局');
  });

  it('removes half-width (盖章), a bare 盖章 and stray punctuation', () => {
    expect(header('填表单位:(盖章) 华容县教育体育局，联系人: 赵强；联系电话: 0730-4221234。'))
      .toEqual({ unit: '华容县教育体育局', contact: '赵强', phone: '0730-4221234' });
    expect(header('填表单位：盖章 临湘市教育局').unit).toBe('临湘市教育局');
  });

  it('reads the labels from several paragraphs, and a value on the line after its label', () => {
    expect(header('国家中小学智慧教育平台专题资源推荐表\n填表单位：（盖章）\n岳阳县教育体育局\n联系人：王芳\n联系电话：13807301234'))
      .toEqual({ unit: '岳阳县教育体育局', contact: '王芳', phone: '13807301234' });
  });

  it('reads the other labels counties type (填报单位, 单位名称, 联系方式), with （盖章） before the colon', () => {
    expect(header('填报单位：（盖章）平江县教育体育局  联系人：李明  联系方式：0730-6221234'))
      .toEqual({ unit: '平江县教育体育局', contact: '李明', phone: '0730-6221234' });
    expect(header('填报单位（盖章）：平江县教育体育局').unit).toBe('平江县教育体育局');
    expect(header('单位名称（盖章）：平江县教育体育局  联系人：李明').unit).toBe('平江县教育体育局');
  });

  it('accepts labels typed with spaces inside them', () => {
    expect(header('填 表 单 位：君山区教育局  联 系 人：孙伟  联系电话：0730-7221234').contact).toBe('孙伟');
  });

  it('gives empty strings for the blank template line and says it found the labels', () => {
    expect(readFormHeader('填表单位：（盖章）                 联系人：         联系电话：', form))
      .toEqual({ unit: '', contact: '', phone: '', found: true });
  });

  it('says when no label is there at all', () => {
    expect(readFormHeader('国家中小学智慧教育平台专题资源推荐表', form).found).toBe(false);
  });
});
