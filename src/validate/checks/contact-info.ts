// CONTACT_INFO: the notice forbids contact details and QR codes in resources; 简介 and 备注 are where they slip in.
// A share link to a cloud drive (rules/share-link-hosts.yaml) is not one: the notice lets resources go by 网盘.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { finding } from '../../messages/catalogue.ts';
import { projectFile } from '../../project-files.ts';
import type { FieldKey } from '../../types.ts';
import type { Check } from '../check.ts';

const DETECTORS: { what: string; pattern: RegExp }[] = [
  // An e-mail address first: its domain would pass for a link.
  { what: '电子邮箱', pattern: /[\w.+-]+@[\w-]+(\.[\w-]+)+/ },
  { what: '网址链接', pattern: /(https?:\/\/|www\.)\S+|\b[\w-]+(\.[\w-]+)*\.(com|cn|net|org)(\/\S*)?/i },
  { what: '手机号码', pattern: /(?<!\d)1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/ },
  { what: '电话号码', pattern: /(?<!\d)(0\d{2,3}[-－—\s]?\d{7,8}|400[-\s]?\d{3}[-\s]?\d{4}|[2-8]\d{6,7})(?!\d)/ },
  { what: '二维码', pattern: /二维码|扫码|扫一扫|QR\s?code/i },
  { what: '微信号或公众号', pattern: /微信号?[:：\s]*[A-Za-z][\w-]{4,19}|公众号|\b(vx|wx|wechat)[:：\s]*[A-Za-z0-9][\w-]{4,19}/i },
  { what: 'QQ号', pattern: /QQ(号|群)?[:：\s]*\d{5,11}/i },
];

const FIELDS: FieldKey[] = ['summary', 'remark'];

/** The file's schema: a list of host names (RFC 1123 labels), checked at load as the campaign file is. */
const validateShareHosts = new Ajv().compile({
  type: 'object', additionalProperties: false, required: ['hosts'],
  properties: { hosts: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[\\w-]+(\\.[\\w-]+)+$' } } },
});

const SHARE_HOSTS_FILE = projectFile('rules', 'share-link-hosts.yaml');
const SHARE_HOSTS = loadShareHosts();

function loadShareHosts(): string[] {
  const data: unknown = parseYaml(readFileSync(SHARE_HOSTS_FILE, 'utf8'));
  if (!validateShareHosts(data)) throw new Error(`${SHARE_HOSTS_FILE}: ${JSON.stringify(validateShareHosts.errors)}`);
  return (data as { hosts: string[] }).hosts.map((h) => h.toLowerCase());
}

/** A link or bare host name (not an e-mail address's domain) with its path, as far as URL characters go (not over
 *  the Chinese text or the comma that follows it, which may hold a phone number). */
const LINK = /(?<![@\w.-])(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(?:\/[\w\-./?=&%#~+:]*)?/gi;

/** The text without its cloud-drive share links, which the detectors below are not to take for contact details. */
function withoutShareLinks(text: string): string {
  return text.replace(LINK, (link, host: string) => {
    const name = host.toLowerCase();
    return SHARE_HOSTS.some((h) => name === h || name.endsWith(`.${h}`)) ? ' ' : link;
  });
}

export const checkContactInfo: Check = ({ campaign, rows }) => rows.flatMap((row) => FIELDS.flatMap((field) => {
  const text = withoutShareLinks((row.cells[field] ?? '').normalize('NFKC'));
  const hit = DETECTORS.map((d) => ({ d, m: d.pattern.exec(text) })).find((x) => x.m);
  if (!hit) return [];
  const where = { file: row.file, row: row.position };
  const header = campaign.form.columns.find((c) => c.key === field)?.header ?? field;
  return [finding('CONTACT_INFO', { ...where, field: header, what: hit.d.what, snippet: hit.m![0].slice(0, 40) }, where)];
}));
