import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: session tokens and CSRF tokens. */
export const newToken = () => randomBytes(32).toString("base64url");

/** What the sessions table stores in place of the token. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `usr-` and 16 characters of [a-z0-9] (≈ 82 bits), as the contract's user id pattern wants. */
export const newUserId = () => {
  let id = "usr-";
  while (id.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < 252 && id.length < 20) id += ID_ALPHABET[byte % 36];
    }
  }
  return id;
};

/** Constant-time string equality (the lengths may differ: that alone is not secret). */
export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
