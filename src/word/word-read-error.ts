// The one error a Word reader throws on purpose: its message is the short Chinese reason shown to the county.

export class WordReadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WordReadError';
  }
}
