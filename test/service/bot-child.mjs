// Entry of the test bot process: the built bot (dist/, what `npm start` runs) on the test's own prefixes.
import { loadConfig } from '../../dist/src/config/config.js';
import { startBot } from '../../dist/src/service/bot.js';

const bot = await startBot(loadConfig(), { bullPrefix: process.env.TEST_BULL_PREFIX, keyPrefix: process.env.TEST_KEY_PREFIX });
process.once('SIGTERM', () => void bot.stop());
