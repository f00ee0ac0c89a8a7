// Reads the 填表单位 / 联系人 / 联系电话 line above the table, in whatever paragraphs or cells the county left it.
import { cleanCell } from '../rules/normalize.ts';
import type { FormHeader, FormSpec } from '../types.ts';

type Field = keyof FormHeader;

/** The 盖章 mark in any brackets, and what is left around a value once labels and marks are gone. */
const SEAL_MARK = /[(（\[【]?\s*盖\s*章\s*[)）\]】]?/g;
const EDGE_JUNK = /^[\s:：,，;；.。、_\-—－|]+|[\s:：,，;；.。、_\-—－|]+$/g;

/** A label typed with spaces between its characters still counts (`联 系 人：`). */
function labelPattern(label: string): string {
  return [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
}

function cleanValue(raw: string): string {
  return cleanCell(raw.replace(SEAL_MARK, ' ')).replace(EDGE_JUNK, '').replace(/^[()（）]+$/, '');
}

/** A value runs from its label to the next label (first non-empty line of that); the label nearest the table wins. */
export function readFormHeader(text: string, form: FormSpec): FormHeader & { found: boolean } {
  const { aliases, ...named } = form.headerLine;
  const labels = (Object.keys(named) as Field[]).map((field): [Field, string] =>
    [field, [named[field], ...(aliases?.[field] ?? [])].map(labelPattern).join('|')]);
  const anyLabel = new RegExp(labels.map(([, label]) => label).join('|'), 'g');
  const header: FormHeader = { unit: '', contact: '', phone: '' };
  let found = false;
  for (const [field, label] of labels) {
    const matches = [...text.matchAll(new RegExp(`(?:${label})\\s*[:：]?`, 'g'))];
    const last = matches.at(-1);
    if (!last) continue;
    found = true;
    const rest = text.slice(last.index + last[0].length);
    anyLabel.lastIndex = 0;
    const next = anyLabel.exec(rest);
    // 填表单位：（盖章）⏎岳阳县教育局: the value may sit on the line after its label.
    header[field] = rest.slice(0, next ? next.index : rest.length).split('\n').map(cleanValue).find(Boolean) ?? '';
  }
  return { ...header, found };
}
