/**
 * Pairing a browser with the clip endpoint: Settings shows a short code; the user types it into the
 * endpoint's page in their browser, which exchanges it for a 256-bit token. The code is single-use,
 * expires after a few minutes and dies after a few wrong guesses, so guessing it is hopeless.
 */
import { randomInt } from 'node:crypto';

/** How long a code stays valid. */
export const PAIRING_TTL_MS = 5 * 60 * 1000;
/** Wrong codes tolerated before the pairing is cancelled. */
export const PAIRING_MAX_ATTEMPTS = 5;

// No 0/O, 1/I/L: codes are read off a screen and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A fresh code such as `K7MW-Q2HD` (about 40 bits). */
export function createPairingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Upper-cases and drops spaces and dashes, so `k7mw q2hd` matches `K7MW-Q2HD`. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Why a code was refused. */
export type PairingRefusal = 'no-pairing' | 'expired' | 'wrong-code' | 'too-many-attempts';

/** The one pairing that may be in progress. */
export class Pairing {
  private current: { code: string; expiresAt: number; attemptsLeft: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts a new pairing (cancelling any other) and returns its code and expiry. */
  start(): { code: string; expiresAt: number } {
    const code = createPairingCode();
    this.current = { code, expiresAt: this.now() + PAIRING_TTL_MS, attemptsLeft: PAIRING_MAX_ATTEMPTS };
    return { code, expiresAt: this.current.expiresAt };
  }

  /** The pairing in progress, or null (none, expired or used up). */
  active(): { code: string; expiresAt: number } | null {
    if (this.current === null) return null;
    if (this.now() > this.current.expiresAt) {
      this.current = null;
      return null;
    }
    return { code: this.current.code, expiresAt: this.current.expiresAt };
  }

  /** Uses up the pairing when `code` is right; otherwise counts a wrong attempt and says why. */
  redeem(code: string): true | PairingRefusal {
    if (this.current === null) return 'no-pairing';
    if (this.now() > this.current.expiresAt) {
      this.current = null;
      return 'expired';
    }
    if (normalizeCode(code) === normalizeCode(this.current.code)) {
      this.current = null;
      return true;
    }
    this.current.attemptsLeft -= 1;
    if (this.current.attemptsLeft <= 0) {
      this.current = null;
      return 'too-many-attempts';
    }
    return 'wrong-code';
  }
}
