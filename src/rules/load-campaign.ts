// Loads a campaign rules file (YAML or JSON), checks it against rules/campaign.schema.json and for the facts a
// schema cannot express, and returns it frozen. A broken file stops start-up with file, path and problem.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { Campaign } from '../types.ts';
import { editDistance, nameKey } from './normalize.ts';
import { projectFile } from '../project-files.ts';

export const DEFAULT_CAMPAIGN_FILE = projectFile('rules', 'campaign-2022.yaml');
const SCHEMA_FILE = projectFile('rules', 'campaign.schema.json');

export class CampaignRulesError extends Error {
  constructor(file: string, path: string, problem: string) {
    super(`规则文件有误 ${file} ${path || '/'}: ${problem}`);
    this.name = 'CampaignRulesError';
  }
}

// verbose: each error carries its schema object, whose properties are the keys to suggest for an unknown one.
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const validateSchema = new Ajv({ allErrors: true, verbose: true }).compile(schema);
const cache = new Map<string, Campaign>();

export function loadCampaign(file: string = DEFAULT_CAMPAIGN_FILE): Campaign {
  const cached = cache.get(file);
  if (cached) return cached;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CampaignRulesError(file, '', (err as Error).message.split('\n')[0]);
  }
  if (!validateSchema(data)) {
    const errors = validateSchema.errors!;
    const unknownKey = errors.find((e) => e.keyword === 'additionalProperties');
    if (unknownKey) throw new CampaignRulesError(file, unknownKey.instancePath, unknownKeyProblem(unknownKey));
    throw new CampaignRulesError(file, errors[0].instancePath, `${errors[0].message ?? 'invalid'}`);
  }
  const campaign = data as Campaign;
  checkFacts(file, campaign);
  const frozen = deepFreeze(campaign);
  cache.set(file, frozen);
  return frozen;
}

/**
 * A misspelt key also leaves a required one missing; Ajv reports that first, which never names the typo. So the
 * unknown key is what is reported, with the known key it is closest to.
 */
function unknownKeyProblem(error: ErrorObject): string {
  const key = String(error.params.additionalProperty);
  const known = Object.keys((error.parentSchema?.properties ?? {}) as object);
  const near = known.find((k) => sameLetters(k, key)) ?? closest(key, known);
  return `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');

/** The nearest known key within two edits; for short keys at most half their letters, so "x" does not suggest "id". */
function closest(key: string, known: string[]): string | undefined {
  const scored = known.map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.min(2, k.length / 2))
    .sort((a, b) => a.d - b.d);
  return scored[0]?.k;
}

type Fail = (path: string, problem: string) => never;
type Claim = (name: string, path: string) => void;

/** What JSON Schema cannot say: unique names and addresses, real dates and zones, compilable patterns, the columns. */
function checkFacts(file: string, c: Campaign): void {
  const fail: Fail = (path, problem) => { throw new CampaignRulesError(file, path, problem); };
  checkDeadline(c, fail);
  checkForm(c, fail);
  const claimUnitName = claimer(nameKey, fail);
  c.units.forEach((u, i) => {
    claimNames(claimUnitName, `/units/${i}`, u.name, u.aliases);
    (u.patterns ?? []).forEach((p, j) => {
      try { new RegExp(p, 'u'); } catch (err) { fail(`/units/${i}/patterns/${j}`, (err as Error).message); }
    });
  });
  // Section names are a namespace of their own: a unit and a section may share a name.
  const claimSectionName = claimer(nameKey, fail);
  c.sections.forEach((s, i) => {
    claimNames(claimSectionName, `/sections/${i}`, s.name, s.aliases ?? []);
    const columnKeys = s.columns.map(nameKey);
    columnKeys.forEach((k, j) => { if (columnKeys.indexOf(k) !== j) fail(`/sections/${i}/columns/${j}`, 'duplicate column'); });
  });
  checkSenders(c, fail);
}

/**
 * A claim on a name in one namespace: a second owner of the same key fails at its path. The owner is the path's
 * first two steps (/units/3), so one unit may repeat its own name among its aliases.
 */
function claimer(key: (name: string) => string, fail: Fail): Claim {
  const seen = new Map<string, { owner: string; path: string }>();
  return (name, path) => {
    const owner = path.split('/').slice(0, 3).join('/');
    const first = seen.get(key(name));
    if (first && first.owner !== owner) fail(path, `"${name}" is used twice (also at ${first.path})`);
    if (!first) seen.set(key(name), { owner, path });
  };
}

const claimNames = (claim: Claim, at: string, name: string, aliases: string[]) =>
  [name, ...aliases].forEach((n, j) => claim(n, `${at}/${j === 0 ? 'name' : `aliases/${j - 1}`}`));

/** Date.parse rolls 2023-09-31 over to October: the day must come back unchanged from a UTC date. */
function checkDeadline(c: Campaign, fail: Fail): void {
  const [year, month, day] = c.deadline.date.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail('/deadline/date', `"${c.deadline.date}" is not a calendar date`);
  }
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: c.deadline.timeZone });
  } catch {
    fail('/deadline/timeZone', `unknown time zone ${c.deadline.timeZone}`);
  }
}

function checkForm(c: Campaign, fail: Fail): void {
  const keys = c.form.columns.map((col) => col.key);
  for (const key of ['title', 'section', 'column'] as const) {
    if (!keys.includes(key)) fail('/form/columns', `the form needs a "${key}" column`);
  }
  keys.forEach((key, i) => { if (keys.indexOf(key) !== i) fail(`/form/columns/${i}/key`, `duplicate key ${key}`); });
  // A header row can name at most every column once: asking for more finds no table in any document.
  if (c.form.minHeaderMatches > keys.length) {
    fail('/form/minHeaderMatches', `${c.form.minHeaderMatches} is more than the form's ${keys.length} columns`);
  }
}

/** A sender address names one unit (mail is matched to units by it), and never the collector's own mailbox. */
function checkSenders(c: Campaign, fail: Fail): void {
  const claimAddress = claimer((address) => address.toLowerCase(), fail);
  claimAddress(c.collector.mailbox, '/collector/mailbox');
  c.units.forEach((u, i) => u.senders.forEach((s, j) => claimAddress(s, `/units/${i}/senders/${j}`)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
