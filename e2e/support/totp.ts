import { generate } from 'otplib';

/**
 * A TOTP code is accepted once (ASVS 6.5.1), and a journey may sign in several times within one
 * 30-second step: each code is taken from a step after the previous one for the same secret (the
 * server allows one step of drift), waiting for real time to catch up when it is further ahead.
 */
const lastEpoch = new Map<string, number>();

export async function nextTotpCode(secret: string): Promise<string> {
  const clean = secret.replace(/\s+/g, '').toUpperCase();
  const now = Math.floor(Date.now() / 1000);
  const previous = lastEpoch.get(clean) ?? 0;
  const epoch = Math.max(now, previous + 30);
  // More than one step ahead of the server's clock would be refused: wait until it is not.
  if (epoch - now >= 30) await new Promise((r) => setTimeout(r, (epoch - now - 29) * 1000));
  lastEpoch.set(clean, epoch);
  return generate({ secret: clean, epoch });
}
