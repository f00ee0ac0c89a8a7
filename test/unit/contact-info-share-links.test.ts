// A cloud-drive share link in 备注 is how the notice lets a resource reach the city ("具体资源内容可通过网盘报送"),
// not a contact detail: an outside examiner's 汨罗市 row with a pan.baidu.com link was told to delete it.
import { describe, expect, it } from 'vitest';
import { checkContactInfo } from '../../src/validate/checks/contact-info.ts';
import { fullTable, submission } from './helpers.ts';

/** The CONTACT_INFO messages for a table whose first row's 备注 (or 简介) holds `text`. */
function flagged(text: string, field: 'remark' | 'summary' = 'remark'): string[] {
  const cells = fullTable(5);
  cells[0] = { ...cells[0], [field]: text };
  return checkContactInfo(submission(cells)).map((f) => f.message);
}

describe('CONTACT_INFO and cloud-drive share links', () => {
  it.each([
    '链接：https://pan.baidu.com/s/1Ml0abcXYZ 提取码：xy30',
    '资源见百度网盘 pan.baidu.com/s/1Xy7Lm2Qp9Kd4Rt6 密码 8k2d',
    'https://www.aliyundrive.com/s/AbCdEf123 提取码: 7x9k',
    '夸克网盘 https://pan.quark.cn/s/0a1b2c3d4e5f',
    'https://share.weiyun.com/Xy7Lm2Qp',
    '蓝奏云 https://wwi.lanzoui.com/iAbC123d 密码:fh2c',
    'https://115.com/s/sw3abc?password=q123',
    'ＨＴＴＰＳ：／／ＰＡＮ．ＢＡＩＤＵ．ＣＯＭ／ｓ／１Ｍｌ０',
  ])('does not flag %s', (text) => {
    expect(flagged(text)).toEqual([]);
    expect(flagged(text, 'summary')).toEqual([]);
  });

  it('still flags other links, and contact details next to a share link', () => {
    expect(flagged('详见 https://www.example.com/video/1')[0]).toContain('网址链接');
    expect(flagged('https://pan.baidu.com.evil.test/s/1 提取码 xy30')[0]).toContain('网址链接');
    expect(flagged('https://pan.baidu.com/s/1Ml0 提取码：xy30，联系电话13812345678')[0]).toContain('手机号码');
    expect(flagged('https://pan.baidu.com/s/1Ml0联系13812345678')[0]).toContain('手机号码');
    expect(flagged('网盘链接见群内，扫码加入：https://pan.baidu.com/s/1Ml0')[0]).toContain('二维码');
    // An e-mail address at a drive's mail domain is still flagged, and called an e-mail address.
    expect(flagged('资源发送至 someone@115.com')[0]).toContain('电子邮箱（“someone@115.com”）');
  });
});
