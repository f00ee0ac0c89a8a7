// The resources themselves go by 网盘 ("具体资源内容可通过网盘报送"): the link and its 提取码 sit in the email body or in
// 备注, and the city's staff need both to fetch them.
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Resource } from '../../src/types.ts';
import { shareLinksOf } from '../../src/validate/share-links.ts';

const campaign = loadCampaign();
const resource = (seq: number, remark: string, summary = '讲述左宗棠抬棺出征的故事'): Resource => ({
  seq, title: `资源${seq}`, producer: '湘阴县第一中学', section: '德育', column: '爱国主义', copyright: '湘阴县教育局',
  format: '视频', summary, remark,
});
const fromBody = (body: string) => shareLinksOf(campaign, body, []).map(({ url, code }) => ({ url, code }));

describe('the 网盘 links of an email and their 提取码', () => {
  it.each([
    ['链接: https://pan.baidu.com/s/1fKvX9abQ 提取码: 8k2d 复制这段内容后打开百度网盘手机App，操作更方便哦', 'https://pan.baidu.com/s/1fKvX9abQ', '8k2d'],
    ['资源已上传百度网盘：https://pan.baidu.com/s/1fKvX9abQ?pwd=8k2d', 'https://pan.baidu.com/s/1fKvX9abQ?pwd=8k2d', '8k2d'],
    ['阿里云盘 https://www.aliyundrive.com/s/AbCdEf123，提取码为7x9k。', 'https://www.aliyundrive.com/s/AbCdEf123', '7x9k'],
    ['天翼云盘 https://cloud.189.cn/t/QzYjMvAbC（访问码：ab12）', 'https://cloud.189.cn/t/QzYjMvAbC', 'ab12'],
    ['蓝奏云 https://wwi.lanzoui.com/iAbC123d\n密码:fh2c', 'https://wwi.lanzoui.com/iAbC123d', 'fh2c'],
    ['https://115.com/s/sw3abc?password=q123', 'https://115.com/s/sw3abc?password=q123', 'q123'],
    ['提取码：ＸＹ３０　链接：ｈｔｔｐｓ：／／ｐａｎ．ｂａｉｄｕ．ｃｏｍ／ｓ／１Ｍｌ０ａｂｃ', 'https://pan.baidu.com/s/1Ml0abc', 'XY30'],
    ['夸克网盘 https://pan.quark.cn/s/0a1b2c3d4e5f 无需提取码。', 'https://pan.quark.cn/s/0a1b2c3d4e5f', null],
  ])('finds the link and code in %j', (body, url, code) => {
    expect(fromBody(body)).toEqual([{ url, code }]);
  });

  it('gives each of several links the code written after it, not its neighbour\'s', () => {
    const body = '德育类：https://pan.baidu.com/s/1AAAA 提取码：aaaa\n劳动教育类：https://pan.baidu.com/s/1BBBB 提取码：bbbb\n'
      + '课后服务类：https://pan.baidu.com/s/1CCCC';
    expect(fromBody(body)).toEqual([
      { url: 'https://pan.baidu.com/s/1AAAA', code: 'aaaa' },
      { url: 'https://pan.baidu.com/s/1BBBB', code: 'bbbb' },
      { url: 'https://pan.baidu.com/s/1CCCC', code: null },
    ]);
  });

  it('takes a code written before a link only from the link\'s own line', () => {
    expect(fromBody('邮箱密码 zz99 已修改\n资源链接：https://pan.baidu.com/s/1QQQQ')).toEqual([{ url: 'https://pan.baidu.com/s/1QQQQ', code: null }]);
  });

  it('keeps the first 50 links of a text that holds thousands', () => {
    const links = fromBody(Array.from({ length: 3000 }, (_, i) => `https://pan.baidu.com/s/1n${i} 提取码 c${String(i).padStart(3, '0')}`).join(' '));
    expect(links).toHaveLength(50);
    expect(links.at(-1)).toEqual({ url: 'https://pan.baidu.com/s/1n49', code: 'c049' });
  });

  it('leaves out other links, e-mail addresses and phone numbers', () => {
    expect(fromBody('详见 https://www.example.com/a 或 pan@baidu.com，电话 0730-2221806，密码 13812345678')).toEqual([]);
  });

  it('leaves out a mail program\'s large-attachment link on a drive\'s host (天翼 mail\'s 超大附件 on cloud.189.cn)', () => {
    expect(fromBody('从189邮箱发来的超大附件 推荐表.pdf https://download.cloud.189.cn/file/downloadFile.action?dt=ab&expired=1659')).toEqual([]);
  });

  it('takes the table\'s 备注 and 简介 too, saying where, one entry per link with the code any mention gives', () => {
    const links = shareLinksOf(campaign, '资源链接：https://pan.baidu.com/s/1AAAA', [
      resource(1, '网盘 https://pan.baidu.com/s/1AAAA 提取码 aaaa'),
      resource(2, '', '视频见 https://www.aliyundrive.com/s/Zx9 提取码: k7k7'),
    ]);
    expect(links).toEqual([
      { url: 'https://pan.baidu.com/s/1AAAA', code: 'aaaa', where: '邮件正文' },
      { url: 'https://www.aliyundrive.com/s/Zx9', code: 'k7k7', where: '第2条资源的资源内容简介' },
    ]);
  });
});
