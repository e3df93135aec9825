import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/*
 * Password hashing with scrypt (memory-hard) from node:crypto, at OWASP's minimum for scrypt (N=2^17,
 * r=8, p=1: 128 MiB and a few hundred milliseconds per hash). A hash is stored as a self-describing
 * string, `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (unpadded base64): each is verified with its own
 * parameters, and one made at a lower cost is replaced at the next successful sign-in (`needsRehash`).
 */

export const SCRYPT_PARAMS = { ln: 17, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");

// Unicode passwords: the same characters typed on another keyboard must give the same hash.
const normalise = (password: string) => password.normalize("NFC");

const derive = (password: string, salt: Buffer, keyLength: number, ln: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const N = 2 ** ln;
    // scrypt needs 128·N·r bytes; node refuses more than maxmem (32 MiB by default, just too little).
    scrypt(normalise(password), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export const hashPassword = async (password: string): Promise<string> => {
  const { ln, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, keyLength, ln, r, p);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
};

export const isPasswordHash = (value: string) => FORMAT.test(value);

/** A stored hash made at a lower cost than today's: replace it while the password is at hand. */
export const needsRehash = (stored: string) => {
  const m = FORMAT.exec(stored);
  if (!m) return true;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return ln < SCRYPT_PARAMS.ln || r < SCRYPT_PARAMS.r || p < SCRYPT_PARAMS.p;
};

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a tampered row from making the server hash for minutes or allocate gigabytes.
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(m[4] as string, "base64");
  const expected = Buffer.from(m[5] as string, "base64");
  const actual = await derive(password, salt, expected.length, ln, r, p);
  return timingSafeEqual(actual, expected);
};

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, verified against when the username is unknown, so that a sign-in for a
 * user who does not exist costs the same time as one for a user who does (no user enumeration).
 */
export const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
};

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random password of `length` characters (≈ 5.8 bits each: 24 characters ≈ 139 bits). */
export const generatePassword = (length = 24) => {
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Rejection sampling: bytes past the largest multiple of the alphabet's size would bias it.
      if (byte < 256 - (256 % ALPHABET.length) && out.length < length)
        out.push(ALPHABET[byte % ALPHABET.length] as string);
    }
  }
  return out.join("");
};
