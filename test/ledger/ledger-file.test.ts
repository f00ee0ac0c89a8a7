// Writing the ledger file: swapped in whole, never leaving a temporary file behind, even when the swap fails.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLedgerFile } from '../../src/ledger/ledger-workbook.ts';
import type { LedgerState } from '../../src/ledger/ledger-types.ts';
import { campaign, entryOf } from './ledger-builders.ts';

const entry = entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:12:00+08:00', perSection: 5 });
const record = { entry, filing: { version: 1, current: true } };
const state: LedgerState = { records: [record], filings: { 平江县: [record] } };
let dir: string;

beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'ledger-file-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('writing the ledger file', () => {
  it('writing again replaces the file whole and leaves no temporary file behind', async () => {
    const folder = join(dir, 'swapped');
    await mkdir(folder);
    const file = join(folder, '台账.xlsx');
    await writeLedgerFile(state, campaign, file);
    await writeLedgerFile(state, campaign, file);
    expect(await readdir(folder)).toEqual(['台账.xlsx']);
  });

  it('a write that cannot be swapped in fails and removes its temporary file', async () => {
    const blocked = join(dir, 'blocked');
    await mkdir(join(blocked, '台账.xlsx'), { recursive: true });
    await expect(writeLedgerFile(state, campaign, join(blocked, '台账.xlsx'))).rejects.toThrow();
    expect(await readdir(blocked)).toEqual(['台账.xlsx']);
  });
});
