/** mulberry32: a small deterministic PRNG, so demo and synthetic data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'; // no I, O, Q
const TRANSLIT: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGH']
    .map((c, i) => [c, i + 1] as const)
    .concat([...'JKLMN'].map((c, i) => [c, i + 1] as const))
    .concat([
      ['P', 7],
      ['R', 9],
    ] as const)
    .concat([...'STUVWXYZ'].map((c, i) => [c, i + 2] as const)),
);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A 17-character VIN with a correct ISO 3779 / 49 CFR 565 check digit (position 9). */
export function vinFrom(random: () => number, wmi: string, modelCode: string, year: number): string {
  const pick = () => VIN_CHARS[Math.floor(random() * VIN_CHARS.length)] ?? 'A';
  const serial = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
  return withCheckDigit(`${wmi}${modelCode}${pick()}${pick()}${pick()}0${yearCode(year)}${pick()}${serial}`);
}

/** A unique VIN per synthetic sequence number: the plant letter and serial encode it (33 million). */
export function syntheticVin(sequence: number, modelCode: string, year: number): string {
  const plant = VIN_CHARS[Math.floor(sequence / 1_000_000) % VIN_CHARS.length] ?? 'A';
  const serial = String(sequence % 1_000_000).padStart(6, '0');
  return withCheckDigit(`9SY${modelCode}SNA0${yearCode(year)}${plant}${serial}`);
}

function yearCode(year: number): string {
  return 'ABCDEFGHJKLMNPRSTVWXY123456789'[(((year - 2010) % 30) + 30) % 30] ?? 'A';
}

function withCheckDigit(vin17: string): string {
  const chars = vin17.split('');
  const sum = chars.reduce(
    (acc, c, i) => acc + (/\d/.test(c) ? Number(c) : (TRANSLIT[c] ?? 0)) * (WEIGHTS[i] ?? 0),
    0,
  );
  const check = sum % 11;
  chars[8] = check === 10 ? 'X' : String(check);
  return chars.join('');
}
