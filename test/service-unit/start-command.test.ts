// The bot runs with the same node flags however it is started: `npm start`, the Docker image, and the bot process
// that tests and benchmarks start (which reads them from package.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNodeFlags } from '../service/bot-process.ts';

describe('how the bot is started', () => {
  it("the Docker image's command runs node with the flags of npm start", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'));
    expect(cmd).not.toBeNull();
    const args = JSON.parse(cmd![1]) as string[];
    expect(args).toEqual(['node', ...startNodeFlags(), 'dist/src/service/main.js']);
  });
});
