// The cloud-drive (网盘) hosts and the mail programs' large-attachment links of rules/share-link-hosts.yaml, checked
// at load as the campaign file is, and the links to them found in a text: the notice lets units send the resources
// themselves by 网盘; a large attachment is a file the sender's mail program did not attach.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { projectFile } from '../project-files.ts';

const HOST = '[\\w-]+(\\.[\\w-]+)+';
/** The file's schema: host names (RFC 1123 labels); large-attachment links as a host and the start of a path. */
const validateLinkHosts = new Ajv().compile({
  type: 'object', additionalProperties: false, required: ['hosts', 'largeAttachments'],
  properties: {
    hosts: { type: 'array', minItems: 1, items: { type: 'string', pattern: `^${HOST}$` } },
    largeAttachments: { type: 'array', items: { type: 'string', pattern: `^${HOST}(/[\\w\\-./]*)?$` } },
  },
});

/** A large-attachment link: its host (or a subdomain) and how its path starts, lower-cased. */
interface LinkPrefix { host: string; path: string }
interface LinkHosts { hosts: string[]; largeAttachments: LinkPrefix[] }

const LINK_HOSTS_FILE = projectFile('rules', 'share-link-hosts.yaml');
const LINK_HOSTS = loadLinkHosts();

function loadLinkHosts(): LinkHosts {
  const data: unknown = parseYaml(readFileSync(LINK_HOSTS_FILE, 'utf8'));
  if (!validateLinkHosts(data)) throw new Error(`${LINK_HOSTS_FILE}: ${JSON.stringify(validateLinkHosts.errors)}`);
  const { hosts, largeAttachments } = data as { hosts: string[]; largeAttachments: string[] };
  const prefix = (link: string): LinkPrefix => {
    const slash = link.includes('/') ? link.indexOf('/') : link.length;
    return { host: link.slice(0, slash), path: link.slice(slash) };
  };
  return { hosts: hosts.map((h) => h.toLowerCase()), largeAttachments: largeAttachments.map((l) => prefix(l.toLowerCase())) };
}

/** A link or bare host name (not an e-mail address's domain) with its path, as far as URL characters go (not over
 *  the Chinese text or the comma that follows it, which may hold a phone number or the 提取码). */
const LINK = /(?<![@\w.-])(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(\/[\w\-./?=&%#~+:]*)?/gi;

const onHost = (host: string, listed: string) => host === listed || host.endsWith(`.${listed}`);

function isLargeAttachment(host: string, path: string): boolean {
  const lowerPath = path.toLowerCase();
  return LINK_HOSTS.largeAttachments.some((listed) => onHost(host, listed.host) && lowerPath.startsWith(listed.path));
}

const isShareLink = (host: string, path: string) => LINK_HOSTS.hosts.some((h) => onHost(host, h)) && !isLargeAttachment(host, path);

/** A link in a text, where it starts and ends. */
export interface LinkMatch { url: string; start: number; end: number }

/** The links of one kind in a text, in order, the first `limit` of them. */
function linksIn(text: string, limit: number, wanted: (host: string, path: string) => boolean): LinkMatch[] {
  const found: LinkMatch[] = [];
  for (const m of text.matchAll(LINK)) {
    if (found.length >= limit) break;
    if (wanted(m[1].toLowerCase(), m[2] ?? '')) found.push({ url: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The cloud-drive share links in a text, in order (other links are left out), the first `limit` of them. */
export const shareLinksIn = (text: string, limit = Infinity): LinkMatch[] => linksIn(text, limit, isShareLink);

/** The mail programs' large-attachment links in a text, in order, the first `limit` of them. */
export const largeAttachmentLinksIn = (text: string, limit: number): LinkMatch[] => linksIn(text, limit, isLargeAttachment);

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
