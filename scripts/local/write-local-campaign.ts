// Writes the local try-out's rules file (argv[2]) and prints its deadline: LOCAL_DEADLINE (YYYY-MM-DD) if set, else
// 30 days ahead. The source is $CAMPAIGN or the default rules file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_CAMPAIGN_FILE, loadCampaign } from '../../src/rules/load-campaign.ts';
import { dayAhead, withDeadline } from './local-campaign.ts';

const [target] = process.argv.slice(2);
const source = process.env.CAMPAIGN || DEFAULT_CAMPAIGN_FILE;
const deadline = process.env.LOCAL_DEADLINE || dayAhead(new Date(), 30, loadCampaign(source).deadline.timeZone);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, withDeadline(source, deadline));
// Loading it checks the result against the schema, as the bot will at start.
console.log(loadCampaign(target).deadline.date);
