// LATE: received after the deadline day, counted in the campaign's time zone (the whole day is on time).
import { finding } from '../../messages/catalogue.ts';
import { formatDay, formatForPeople, localDate } from '../../time/zoned.ts';
import type { Check } from '../check.ts';

export const checkLate: Check = ({ campaign, email }) => {
  const { date, timeZone } = campaign.deadline;
  if (localDate(email.receivedAt, timeZone) <= date) return [];
  return [finding('LATE', {
    received: formatForPeople(email.receivedAt, timeZone),
    deadline: formatDay(date),
    collector: campaign.collector.name,
    contacts: campaign.collector.contacts.join('、'),
    phone: campaign.collector.phone,
  })];
};
