// Entry of the restart test's bot process: `npm start`'s bot (src/service/bot.ts) on the test's own prefixes.
import { loadConfig } from '../../src/config/config.ts';
import { startBot } from '../../src/service/bot.ts';

const bot = await startBot(loadConfig(), { bullPrefix: process.env.TEST_BULL_PREFIX, keyPrefix: process.env.TEST_KEY_PREFIX });
process.once('SIGTERM', () => void bot.stop());
