// A check looks at one submission and returns what it found; adding a check is one file and one registry line.
import type { Finding } from '../types.ts';
import type { Submission } from './submission.ts';

export type Check = (submission: Submission) => Finding[];
