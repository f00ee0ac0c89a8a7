// The cloud-drive (网盘) hosts of rules/share-link-hosts.yaml, checked at load as the campaign file is, and the links
// to them found in a text: the notice lets units send the resources themselves by 网盘.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { projectFile } from '../project-files.ts';

/** The file's schema: a list of host names (RFC 1123 labels). */
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
 *  the Chinese text or the comma that follows it, which may hold a phone number or the 提取码). */
const LINK = /(?<![@\w.-])(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(?:\/[\w\-./?=&%#~+:]*)?/gi;

function isShareHost(host: string): boolean {
  const name = host.toLowerCase();
  return SHARE_HOSTS.some((h) => name === h || name.endsWith(`.${h}`));
}

/** A share link in a text, where it starts and ends. */
export interface ShareLinkMatch { url: string; start: number; end: number }

/** The cloud-drive share links in a text, in order (other links are left out), the first `limit` of them. */
export function shareLinksIn(text: string, limit = Infinity): ShareLinkMatch[] {
  const found: ShareLinkMatch[] = [];
  for (const m of text.matchAll(LINK)) {
    if (found.length >= limit) break;
    if (isShareHost(m[1])) found.push({ url: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The text with its share links blanked out. */
export function withoutShareLinks(text: string): string {
  let out = '';
  let from = 0;
  for (const link of shareLinksIn(text)) {
    out += `${text.slice(from, link.start)} `;
    from = link.end;
  }
  return out + text.slice(from);
}
