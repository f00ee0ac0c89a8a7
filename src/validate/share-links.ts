// The 网盘 links a unit sent its resources by, each with its 提取码, from the email body and the table's 简介 and 备注:
// the notice lets the resources themselves go by 网盘, and the city's staff fetch them from the ledger.
import { columnHeader } from '../messages/form-labels.ts';
import { shareLinksIn } from '../rules/share-link-hosts.ts';
import type { Campaign, FieldKey, Resource, ShareLink } from '../types.ts';

/** 提取码：ab12, 访问码（ab12）, 密码 ab12, pwd=ab12 (Baidu puts the code in the link itself; 115 password=). */
const CODE = /(?:提取码|提取密码|访问码|访问密码|密码|password|pwd)\s*(?:[:=（(]|为|是)?\s*([A-Za-z0-9]{4,8})(?![A-Za-z0-9])/i;
/** How far after a link its code is looked for, and before it when none follows. */
const AFTER = 120;
const BEFORE = 60;
/** Links kept from one text: a filing names a few; a body of thousands is no county's (and is not all worth a cell). */
const MAX_LINKS = 50;
const TABLE_FIELDS = ['summary', 'remark'] as const satisfies FieldKey[];

const codeIn = (text: string) => CODE.exec(text)?.[1] ?? null;

/** Each share link of one text with the code written next to it, labelled with where the text was: the code after
 *  the link (up to the next one), else one before it on its line that the link before did not take. */
function linksOfText(raw: string, where: string): ShareLink[] {
  const text = raw.normalize('NFKC');
  const links = shareLinksIn(text, MAX_LINKS);
  const after = links.map((link, i) => text.slice(link.end, Math.min(links[i + 1]?.start ?? Infinity, link.end + AFTER)));
  return links.map((link, i) => {
    const url = link.url.replace(/[.:,;]+$/, '');
    // Within BEFORE characters, from the start of the link's line: a search back to the line start could run the
    // length of a body without line breaks for every link.
    const window = i > 0 && codeIn(after[i - 1]) ? '' : text.slice(Math.max(links[i - 1]?.end ?? 0, link.start - BEFORE), link.start);
    const before = window.slice(window.lastIndexOf('\n') + 1);
    return { url, code: codeIn(url) ?? codeIn(after[i]) ?? codeIn(before), where };
  });
}

/** Every share link of the email, body first, then the table's rows; one per link, with a code where any mention has one. */
export function shareLinksOf(campaign: Campaign, body: string, resources: Resource[]): ShareLink[] {
  return mergeShareLinks([
    ...linksOfText(body, '邮件正文'),
    ...resources.flatMap((r) => TABLE_FIELDS.flatMap((field) => linksOfText(r[field], `第${r.seq}条资源的${columnHeader(campaign, field)}`))),
  ]);
}

/** One entry per link, the first mention's, with the code any mention of it gives. */
export function mergeShareLinks(links: ShareLink[]): ShareLink[] {
  const byUrl = new Map<string, ShareLink>();
  for (const link of links) {
    const seen = byUrl.get(link.url);
    if (!seen) byUrl.set(link.url, link);
    else if (!seen.code && link.code) byUrl.set(link.url, { ...seen, code: link.code });
  }
  return [...byUrl.values()];
}

/** A link as people read it: the address, then its 提取码 when one was written. */
export function shareLinkLabel(link: ShareLink): string {
  return link.code ? `${link.url}（提取码 ${link.code}）` : link.url;
}
