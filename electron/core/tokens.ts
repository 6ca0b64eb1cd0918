/**
 * Secret tokens: the clip endpoint's paired browsers and the browser host's per-launch token. A token
 * is 256 random bits; only its sha256 digest is stored, and tokens are compared by digest in constant
 * time, so neither a stolen settings row nor the timing of a refusal gives a token away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token: 32 random bytes (256 bits) as hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** sha256 of a token, as stored (a stolen settings row does not give the token away). */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * True when `token`'s digest equals `expectedDigest`. Both are sha256 digests, so timingSafeEqual
 * compares equal-length buffers and neither the token's length nor its content leaks through timing.
 */
export function tokenMatches(token: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(tokenDigest(token), expectedDigest);
}
