import {
  dummyHash,
  generatePassword,
  hashPassword,
  isPasswordHash,
  needsRehash,
  SCRYPT_PARAMS,
  verifyPassword,
} from "./passwords";

const b64 = (x: Buffer) => x.toString("base64").replace(/=+$/, "");

describe("password hashing (scrypt)", () => {
  it("stores a self-describing scrypt string with a random salt, never the password", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    // OWASP's minimum for scrypt: N=2^17, r=8, p=1.
    expect(SCRYPT_PARAMS).toMatchObject({ ln: 17, r: 8, p: 1 });
    expect(a).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{86}$/);
    expect(isPasswordHash(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct");
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("treats the same characters typed differently (Unicode normalisation) as the same password", async () => {
    const composed = "pässwort-lang-genug";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("refuses malformed hashes and parameters outside safe bounds instead of trying them", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const [, , , salt, key] = stored.split("$");
    for (const bad of [
      "",
      "plain text",
      stored.replace("$scrypt$", "$argon2$"),
      `$scrypt$ln=25,r=8,p=1$${salt}$${key}`,
      `$scrypt$ln=9,r=8,p=1$${salt}$${key}`,
      `$scrypt$ln=17,r=64,p=1$${salt}$${key}`,
      `$scrypt$ln=17,r=8,p=99$${salt}$${key}`,
      `$scrypt$ln=17,r=8,p=1$${salt}$`,
    ]) {
      expect(await verifyPassword("correct horse battery staple", bad), bad).toBe(false);
    }
  });

  it("keeps verifying hashes made with other (older) parameters", async () => {
    // A hash with ln=14 as a cheaper past setting would have stored it: its own parameters are used.
    const { scryptSync } = await import("node:crypto");
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("an older passphrase", salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
    expect(await verifyPassword("an older passphrase", old)).toBe(true);
    expect(await verifyPassword("another passphrase", old)).toBe(false);
  });

  it("asks for a new hash when a stored one is cheaper than today's cost, or not one of ours", async () => {
    const salt = b64(Buffer.from("0123456789abcdef"));
    const key = b64(Buffer.alloc(64, 7));
    expect(needsRehash(await hashPassword("correct horse battery staple"))).toBe(false);
    for (const cheaper of ["ln=15,r=8,p=1", "ln=16,r=8,p=1", "ln=17,r=4,p=1"]) {
      expect(needsRehash(`$scrypt$${cheaper}$${salt}$${key}`), cheaper).toBe(true);
    }
    // Costlier than today's (a later, stronger setting) is kept as it is.
    expect(needsRehash(`$scrypt$ln=18,r=8,p=1$${salt}$${key}`)).toBe(false);
    expect(needsRehash("plain text")).toBe(true);
  });

  it("has a dummy hash for unknown users that is a real one of the same cost", async () => {
    const dummy = await dummyHash();
    expect(dummy).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await dummyHash()).toBe(dummy);
    expect(await verifyPassword("anything", dummy)).toBe(false);
  });

  it("generates strong random passwords", () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});
