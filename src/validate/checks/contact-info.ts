// CONTACT_INFO: the notice forbids contact details and QR codes in resources; 简介 and 备注 are where they slip in.
// A share link to a cloud drive (rules/share-link-hosts.yaml) is not one: the notice lets resources go by 网盘.
import { finding } from '../../messages/catalogue.ts';
import { columnHeader } from '../../messages/form-labels.ts';
import { withoutShareLinks } from '../../rules/share-link-hosts.ts';
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

export const checkContactInfo: Check = ({ campaign, rows }) => rows.flatMap((row) => FIELDS.flatMap((field) => {
  const text = withoutShareLinks((row.cells[field] ?? '').normalize('NFKC'));
  const hit = DETECTORS.map((d) => ({ d, m: d.pattern.exec(text) })).find((x) => x.m);
  if (!hit) return [];
  const where = { file: row.file, row: row.position };
  return [finding('CONTACT_INFO', { ...where, field: columnHeader(campaign, field), what: hit.d.what, snippet: hit.m![0].slice(0, 40) }, where)];
}));
