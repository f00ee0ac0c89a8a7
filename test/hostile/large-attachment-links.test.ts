// A file over the mail provider's attachment limit is sent as a download link (QQ 超大附件, NetEase 云附件): the email
// then holds no Word or PDF file. It is still a filing, answered asking for the files attached and naming those sent
// as links, not left for staff as "no attachment" while the county believes it filed. The bodies are shaped as the
// providers write them (NetEase: an HTML body repeating the link for its icon, name and button; QQ: the name and
// size on one line, the link on the next).
import { describe, expect, it } from 'vitest';
import { check, countyEmail, errorOf, goodDocx, goodPdf } from './hostile-kit.ts';

const NETEASE_LINK = (file: string) => `https://mail.163.com/large-attachment-download/index.html?p=X&file=${file}`;
const netEaseItem = (name: string, file: string) => [
  `<div><div style="float:left;width:36px"><a href="${NETEASE_LINK(file)}"></a></div>`,
  `<div><a href="${NETEASE_LINK(file)}" download filename="${name}">${name}</a>`,
  '<span style="color:#bbb"> (62.47M, 2022年7月31日 10:00 到期)</span></div>',
  `<div><a href="${NETEASE_LINK(file)}">下载</a></div></div>`,
].join('');
const netEaseBody = (names: string[]) => ['<div>您好，湘阴县专题资源推荐表请查收。</div><div style="padding:4px">',
  '<div><b>从网易126邮箱发来的云附件</b><a href="http://u.163.com/RcUwvU56g">推荐客户端极速下载</a></div>',
  ...names.map((name, i) => netEaseItem(name, `djAy${i}`)), '</div>'].join('');

const qqLink = (k: string) => `https://mail.qq.com/cgi-bin/ftnExs_download?k=${k}&t=exs_ftn_download&code=d50039fe`;
const qqBody = (name: string) => ['您好，推荐表Word版见附件，盖章扫描件较大，用超大附件发送。', '', '从QQ邮箱发来的超大附件', '',
  `${name} (62.5M, 2022年07月31日 10:00 到期)`, `进入下载页面：${qqLink('9bca4430')}`].join('\n');

describe('files sent as large-attachment links', () => {
  it('a stamped PDF sent as a QQ 超大附件 beside the attached Word file is named as not read, asking for it attached', async () => {
    const verdict = await check(countyEmail([goodDocx()], { body: qqBody('湘阴县专题资源推荐表（盖章）.pdf'), bodyStyle: 'gbk-8bit' }));
    expect(verdict.decision).toBe('reject');
    expect(verdict.errors.map((e) => e.code)).toEqual(['MISSING_PDF']);
    const message = errorOf(verdict, 'MISSING_PDF')!.message;
    expect(message).toContain('《湘阴县专题资源推荐表（盖章）.pdf》以超大附件（云附件）下载链接发送，未读取');
    expect(message).toContain('直接作为邮件附件发送');
    expect(message).toContain('25 MB');
    expect(verdict.resources.length).toBeGreaterThan(0);
  });

  it('an email whose Word and PDF are both NetEase 云附件 (an HTML body, nothing attached) is a filing, returned', async () => {
    const names = ['湘阴县专题资源推荐表.docx', '湘阴县专题资源推荐表.pdf'];
    const verdict = await check(countyEmail([], { body: netEaseBody(names), bodyStyle: 'html-utf8' }));
    expect(verdict.decision).toBe('reject');
    expect(verdict.unit).toBe('湘阴县');
    expect(verdict.errors.map((e) => e.code)).toEqual(['MISSING_PDF', 'MISSING_WORD']);
    for (const error of verdict.errors) expect(error.message).toContain(`${names.map((n) => `《${n}》`).join('、')}以超大附件（云附件）下载链接发送，未读取`);
    expect(verdict.reply).not.toBeNull();
  });

  it('a link whose file the body does not name is said to be a link not read', async () => {
    const body = `<div class="bigatt_bt" title="推荐表"><a href="${qqLink('2b616163')}">下载</a></div>`;
    const verdict = await check(countyEmail([], { body, bodyStyle: 'html-utf8' }));
    expect(verdict.decision).toBe('reject');
    expect(errorOf(verdict, 'MISSING_WORD')!.message).toContain('邮件正文中的超大附件（云附件）下载链接未读取');
  });

  it('a video of the resources sent as a 云附件 is no filing file: alone it is left for staff, beside the table it is no problem', async () => {
    const body = netEaseBody(['第一课微课.mp4']);
    const alone = await check(countyEmail([], { body, bodyStyle: 'html-utf8' }));
    expect(alone.decision).toBe('ignore');
    expect(alone.warnings.map((w) => w.code)).toEqual(['NOT_A_SUBMISSION']);
    const beside = await check(countyEmail([goodDocx(), goodPdf()], { body, bodyStyle: 'html-utf8' }));
    expect(beside.decision).toBe('accept');
  });

  it('a file named in the body and attached too is not taken for a link', async () => {
    const verdict = await check(countyEmail([goodDocx(), goodPdf()], { body: qqBody('湘阴县专题资源推荐表.pdf') }));
    expect(verdict.decision).toBe('accept');
  });
});
