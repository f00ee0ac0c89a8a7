// Reading a time given on the command line (check --received): ISO-8601 in its extended and basic forms, with or
// without an offset (without one, the campaign's wall clock), and nothing that is not a real time.
import { describe, expect, it } from 'vitest';
import { instantOfIsoTime } from '../../src/time/zoned.ts';

const SHANGHAI = 'Asia/Shanghai';

describe('an ISO-8601 time', () => {
  it.each([
    ['2022-07-04T18:00:00+08:00', '2022-07-04T10:00:00.000Z'],
    ['2022-07-04T18:00:00.250Z', '2022-07-04T18:00:00.250Z'],
    ['2022-07-04T18:00+0800', '2022-07-04T10:00:00.000Z'],
    ['2022-07-04T18:00:00-05', '2022-07-04T23:00:00.000Z'],
    ['20220704T180000+0800', '2022-07-04T10:00:00.000Z'],
    ['20220704T1800Z', '2022-07-04T18:00:00.000Z'],
  ])('%s with its offset is that instant, whatever the zone', (text, iso) => {
    expect(instantOfIsoTime(text, SHANGHAI)?.toISOString()).toBe(iso);
    expect(instantOfIsoTime(text, 'America/New_York')?.toISOString()).toBe(iso);
  });

  it.each([
    ['2022-07-05', '2022-07-04T16:00:00.000Z'],
    ['20220705', '2022-07-04T16:00:00.000Z'],
    ['2022-07-04T23:59:59', '2022-07-04T15:59:59.000Z'],
    ['2022-07-04 23:59', '2022-07-04T15:59:00.000Z'],
    ['20220704T235959', '2022-07-04T15:59:59.000Z'],
  ])('%s without an offset is the wall clock of the zone given', (text, iso) => {
    expect(instantOfIsoTime(text, SHANGHAI)?.toISOString()).toBe(iso);
  });

  it('takes the offset a zone has on that day (summer time)', () => {
    expect(instantOfIsoTime('2022-07-04T12:00', 'Europe/Berlin')?.toISOString()).toBe('2022-07-04T10:00:00.000Z');
    expect(instantOfIsoTime('2022-01-04T12:00', 'Europe/Berlin')?.toISOString()).toBe('2022-01-04T11:00:00.000Z');
  });

  it.each(['yesterday', '2022-07-32', '2022-02-30', '2022-07-04T24:00', '2022-07-04T18:60', '2022-07-04T18:00+25:00',
    '2022-7-4', '2022-07-04T18', ''])('%j is refused', (text) => {
    expect(instantOfIsoTime(text, SHANGHAI)).toBeNull();
  });
});
