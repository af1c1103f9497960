/** RFC 7636 (PKCE) helpers for the OAuth authorization code flow. */

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier: 32 random bytes, base64url (43 characters, within RFC 7636's 43..128). */
export function createCodeVerifier(randomBytes: (length: number) => Uint8Array<ArrayBuffer>): string {
  return base64Url(randomBytes(32));
}

/** `S256` challenge: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallengeS256(verifier: string, sha256: (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer>): Promise<string> {
  return base64Url(new Uint8Array(await sha256(new TextEncoder().encode(verifier))));
}
