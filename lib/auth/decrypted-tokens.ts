/**
 * Session tokens already decrypted, by their value. A desk request carries the token its previous
 * request carried, and decrypting it again cost 5 ms at the median while readers loaded the
 * machine (a key derivation on libuv's thread pool, then the cipher: two turns of a busy event
 * loop), against nothing for a lookup. Only the decryption is saved: a token is used only before
 * its own expiry, and the session it names is still checked against the database on every request
 * (session.ts), so ending a session or a password change takes effect as before. The secret that
 * decrypts them is the process's own and does not change while it runs.
 */

export type DecryptedTokens<T extends object> = {
  /** `decrypt(value)`, or what it gave for the same value before while the token is unexpired at `nowMs`. */
  read(value: string, decrypt: (value: string) => Promise<T | null>, nowMs: number): Promise<T | null>;
};

/** At most `limit` tokens are kept (the oldest kept goes first): a newsroom's signed-in desks, many times over. */
export function decryptedTokens<T extends object>(limit = 2_000): DecryptedTokens<T> {
  const kept = new Map<string, T>();
  // A token's expiry: `exp`, in seconds since the epoch (one without it is not kept).
  const unexpired = (token: T, nowMs: number) => {
    const { exp } = token as { exp?: unknown };
    return typeof exp === "number" && exp * 1_000 > nowMs;
  };
  return {
    async read(value, decrypt, nowMs) {
      const known = kept.get(value);
      if (known && unexpired(known, nowMs)) return known;
      kept.delete(value);
      const token = await decrypt(value);
      if (token && unexpired(token, nowMs)) {
        if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
        kept.set(value, token);
      }
      return token;
    },
  };
}
