// A subject carrying CR/LF (inside an encoded word, where the mail server cannot see it) must not inject headers
// into the reply: the composed reply has exactly one Subject header, on one logical line, and no injected Bcc. And
// what the reply is addressed with goes out as any mail server takes it (an internationalised domain in punycode).
import { describe, expect, it } from 'vitest';
import { readEmail } from '../../src/mail/read-email.ts';
import { composeReply } from '../../src/reply/compose-reply.ts';
import { check, countyEmail, goodDocx, goodPdf } from './hostile-kit.ts';

const INJECTED = '湘阴县专题资源推荐表\r\nBcc: everyone@evil.test\r\n\r\n伪造的正文';

/** The header block of a composed message, folded lines joined to their header. */
const headerLines = (raw: Buffer) => raw.toString('utf8').split(/\r\n\r\n/)[0].replace(/\r\n[ \t]+/g, ' ').split('\r\n');

describe('a subject with CR/LF in it', () => {
  it('is answered with one Subject header on one line and no injected header or body', async () => {
    const raw = countyEmail([goodDocx(), goodPdf()], { subject: INJECTED });
    const email = await readEmail(raw);
    expect(email.subject).toContain('\n');
    const verdict = await check(raw);
    expect(verdict.decision).toBe('accept');
    expect(verdict.reply!.subject).toBe('【已受理】湘阴县专题资源推荐表 Bcc: everyone@evil.test 伪造的正文');

    const composed = await composeReply(email, verdict.reply!, { address: 'yysyj@126.com', name: '岳阳市电教馆' }, 'f'.repeat(64));
    const lines = headerLines(composed.raw);
    expect(lines.filter((l) => /^subject:/i.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^bcc:/i.test(l))).toEqual([]);
    expect(composed.envelope.to).toEqual(['xyxjyj@126.com']);
  });
});

describe('an answer to an address in an internationalised domain', () => {
  it('goes out with the envelope recipient in punycode, as a server without SMTPUTF8 takes it', async () => {
    const raw = countyEmail([goodDocx(), goodPdf()], { from: 'jyj@湘阴教育.cn' });
    const verdict = await check(raw);
    const composed = await composeReply(await readEmail(raw), verdict.reply!, { address: 'yysyj@126.com', name: '岳阳市电教馆' }, 'f'.repeat(64));
    expect(composed.envelope.to).toEqual(['jyj@xn--wcv23rz1phju.cn']);
  });
});
