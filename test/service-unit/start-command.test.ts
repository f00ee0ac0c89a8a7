// The bot runs with the same node flags and malloc settings however it is started: `npm start`, the Docker image, and
// the bot process that tests and benchmarks start (which reads them from scripts/start.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startCommand } from '../service/bot-process.ts';

describe('how the bot is started', () => {
  it("the Docker image's command runs node with the flags of npm start", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'));
    expect(cmd).not.toBeNull();
    const args = JSON.parse(cmd![1]) as string[];
    expect(args).toEqual(['node', ...startCommand().nodeFlags, 'dist/src/service/main.js']);
  });

  it("the Docker image sets glibc's malloc as npm start does", () => {
    const image = Object.fromEntries([...readFileSync('Dockerfile', 'utf8').matchAll(/^ENV (.*)$/gm)]
      .flatMap((line) => line[1].split(' ').map((pair) => pair.split('=', 2))));
    const { variables } = startCommand();
    expect(Object.keys(variables)).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
    for (const [name, value] of Object.entries(variables)) expect(image[name], name).toBe(value);
  });
});
