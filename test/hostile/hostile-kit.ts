// What the hostile-input tests share: a county's email around any attachments, its intact Word and PDF files,
// and the pipeline with the campaign loaded once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeEml, type EmlAttachment, type EmlSpec } from '../fixtures/email-kit/compose-eml.ts';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Verdict } from '../../src/types.ts';

export const campaign = loadCampaign();
const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)));

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** 湘阴县's filled table and its stamped PDF: an accepted filing when sent together. */
export const goodDocx = (): EmlAttachment => ({ filename: '湘阴县专题资源推荐表.docx', contentType: DOCX_TYPE, content: fixture('word/湘阴县专题资源推荐表.docx') });
export const goodPdf = (): EmlAttachment => ({ filename: '湘阴县专题资源推荐表.pdf', contentType: 'application/pdf', content: fixture('seal/xiangyin-sample.pdf') });
export const fixtureFile = fixture;

/** 湘阴县's email with these attachments; anything else about it can be overridden. */
export function countyEmail(attachments: EmlAttachment[], overrides: Partial<EmlSpec> = {}): Buffer {
  return composeEml({
    from: 'xyxjyj@126.com', fromName: '湘阴县教育局', subject: '湘阴县专题资源推荐表', date: 'Fri, 1 Jul 2022 10:00:00 +0800',
    received: 'from mx.county.test by mx.126.com; Fri, 1 Jul 2022 10:00:05 +0800', messageId: '<hostile@county.test>',
    body: '您好，附件是湘阴县专题资源推荐表和盖章扫描件，请查收。', attachments, ...overrides,
  });
}

export const check = (raw: Buffer): Promise<Verdict> => checkEmail(raw, { campaign, file: 'hostile.eml' });

/** The error of this code, with its message, or undefined. */
export const errorOf = (v: Verdict, code: string) => v.errors.find((e) => e.code === code);
