// How an acceptance reads as a whole (an outside examiner, as the city clerk, read every reply): it does not call a
// filing accepted as the unit's own while saying it does not count, nor say the same thing twice.
import { describe, expect, it } from 'vitest';
import { filingWarnings } from '../../src/ledger/filing-warnings.ts';
import { finding } from '../../src/messages/catalogue.ts';
import { replyFor } from '../../src/reply/render-reply.ts';
import { campaign, email } from './helpers.ts';

const counts = Object.fromEntries(campaign.sections.map((s) => [s.name, 5]));
const header = { unit: '湘阴县教育体育局', contact: '易晓红', phone: '0730-2221806' };
const stranger = email({ from: { address: 'zhangsan@163.test', name: '' } });
const unregistered = finding('UNREGISTERED_SENDER', { sender: 'zhangsan@163.test', unit: '湘阴县' });

function accepted(warnings: ReturnType<typeof finding>[], mail = stranger) {
  return replyFor(campaign, mail, { unit: '湘阴县', form: header, errors: [], warnings, countsBySection: counts }, []);
}

describe('an accepted filing from an unregistered address that leaves the unit\'s filing current', () => {
  const stands = filingWarnings(
    { unit: '湘阴县', filer: null, decision: 'accept', errors: [], warnings: [unregistered], from: 'zhangsan@163.test' },
    { supersedes: null, supersededBy: { emailId: 'x', receivedAt: '2022-07-01T02:12:00Z', accepted: true } }, 'Asia/Shanghai');
  const reply = accepted([unregistered, ...stands]);

  it('says it was checked without problems but does not replace the unit\'s filing, once', () => {
    expect(reply.subject).toMatch(/^【已受理】/);
    expect(reply.text).toContain('已收到，经核验未发现问题；但发件邮箱未登记，本次报送暂不替代贵单位此前已受理的报送（见下）。');
    expect(reply.text).toContain('本次报送的发件邮箱（zhangsan@163.test）未登记为湘阴县的报送邮箱，因此本次报送暂不替代湘阴县于2022年7月1日 10:12:00的报送');
    expect(reply.text).toContain('请从登记的报送邮箱重新发送');
    for (const said of [reply.text, reply.html!]) {
      expect(said).not.toContain('予以受理');
      expect(said).not.toContain('不影响本次受理');
      expect(said).not.toContain('请直接回复本邮件');
      expect(said.split('未登记为湘阴县的报送邮箱')).toHaveLength(2);
    }
    expect(reply.text).not.toContain(unregistered.message);
  });

  it('while an unregistered filing that does count is accepted, with the unregistered address noted', () => {
    const counting = accepted([unregistered]);
    expect(counting.text).toContain('予以受理');
    expect(counting.text).toContain(unregistered.message);
  });
});

describe('an acceptance', () => {
  it('says a correction counts only when sent, and accepted, before the deadline from the rules', () => {
    const reply = accepted([], email());
    const deadline = '2022年7月4日24:00';
    expect(campaign.deadline.date).toBe('2022-07-04');
    for (const said of [reply.text, reply.html!]) {
      expect(said).toContain(`如需修改推荐表，请在报送截止时间（${deadline}）前直接回复本邮件`);
      expect(said).toContain('以截止前最后一次受理的报送为准');
    }
    const later = replyFor({ ...campaign, deadline: { ...campaign.deadline, date: '2022-07-10' } }, email(),
      { unit: '湘阴县', form: header, errors: [], warnings: [], countsBySection: counts }, []);
    expect(later.text).toContain('报送截止时间（2022年7月10日24:00）前');
  });
});

describe('an acceptance and the 网盘 links', () => {
  const links = [
    { url: 'https://pan.baidu.com/s/1Xy7Lm', code: 'xy30', where: '邮件正文' },
    { url: 'https://pan.quark.cn/s/0a1b2c', code: null, where: '第3条资源的备注' },
  ];

  it('lists the links and codes it recorded, for the county to check, in place of the reminder to send them', () => {
    const reply = replyFor(campaign, email(), { unit: '湘阴县', form: header, errors: [], warnings: [], countsBySection: counts, shareLinks: links }, []);
    expect(reply.text).toContain('已登记的资源网盘链接（取自邮件正文和推荐表；请核对链接和提取码，并在资源审核完成前保持链接有效）：\n'
      + '  https://pan.baidu.com/s/1Xy7Lm（提取码 xy30）\n  https://pan.quark.cn/s/0a1b2c\n\n如需修改推荐表');
    expect(reply.html).toContain('<li>https:&#x2F;&#x2F;pan.baidu.com&#x2F;s&#x2F;1Xy7Lm（提取码 xy30）</li>');
    for (const said of [reply.text, reply.html!]) expect(said).not.toContain('资源文件请按通知要求通过网盘或光盘报送');
  });

  it('without links, reminds the county how the resources themselves are sent', () => {
    const reply = accepted([], email());
    for (const said of [reply.text, reply.html!]) {
      expect(said).toContain('资源文件请按通知要求通过网盘或光盘报送。');
      expect(said).not.toContain('已登记的资源网盘链接');
    }
  });
});
