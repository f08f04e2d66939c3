// Signs one request with the npm package http-message-signatures (pinned in package.json), an implementation of
// RFC 9421 independent of ours, and prints the public key and the headers it produced as JSON.
// Usage: node sign-request.mjs <method> <url> <authorization> <body or "">
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { httpbis, createSigner } from 'http-message-signatures';

const [method, url, authorization, body] = process.argv.slice(2);
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const headers = { authorization };
const fields = ['@method', '@target-uri', 'authorization'];
if (body) {
  headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
  fields.push('content-digest');
}
const created = new Date();
const signed = await httpbis.signMessage({
  key: createSigner(privateKey, 'ecdsa-p256-sha256', 'sk_npm'),
  name: 'npm',
  fields,
  params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
  paramValues: { created, expires: new Date(created.getTime() + 120_000), nonce: randomBytes(16).toString('hex') },
}, { method, url, headers });
console.log(JSON.stringify({ jwk: publicKey.export({ format: 'jwk' }), headers: signed.headers }));
