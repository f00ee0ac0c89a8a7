// Reads a grpprl (a list of property modifiers, [MS-DOC] 2.6) from a legacy .doc. Every length comes from the file,
// so a modifier whose operand would run past the end stops the list there instead of reading beyond it.

/** One property modifier: its sprm code and operand bytes. */
export interface Sprm { code: number; operand: Buffer }

/** sprmTDefTable's operand has a 2-byte size, unlike every other variable-size operand's single byte. */
const sprmTDefTable = 0xd608;
/** Operand sizes by spra (the sprm's top 3 bits); 6 means variable, its size in the operand's first byte. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

function operandSize(grpprl: Buffer, code: number, at: number): number | null {
  const spra = code >> 13;
  if (code === sprmTDefTable) return at + 2 <= grpprl.length ? 1 + grpprl.readUInt16LE(at) : null;
  if (spra === 6) return at < grpprl.length ? 1 + grpprl[at] : null;
  return OPERAND_SIZE[spra];
}

export function readSprms(grpprl: Buffer): Sprm[] {
  const sprms: Sprm[] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const code = grpprl.readUInt16LE(at);
    const size = operandSize(grpprl, code, at + 2);
    if (size === null || at + 2 + size > grpprl.length) break;
    sprms.push({ code, operand: grpprl.subarray(at + 2, at + 2 + size) });
    at += 2 + size;
  }
  return sprms;
}
