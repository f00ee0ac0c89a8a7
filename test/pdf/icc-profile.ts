// An ICC profile, header only (as far as qcms reads before it takes or refuses one): a colour-space profile from
// `colours` to Lab, D50, no tags. Lab is what Ghostscript writes for a Lab colour it copies.
export function iccProfile(colours: 'Lab ' | 'RGB '): Uint8Array {
  const profile = Buffer.alloc(132);
  profile.writeUInt32BE(profile.length, 0);
  profile.write('appl', 4, 'latin1');
  profile.writeUInt32BE(0x02100000, 8);
  profile.write(`spac${colours}Lab `, 12, 'latin1');
  profile.write('acsp', 36, 'latin1');
  [0xf6d6, 0x10000, 0xd32d].forEach((v, k) => profile.writeUInt32BE(v, 68 + 4 * k));
  return profile;
}
