// The signature check of seed 002 ("Verifying Webhook Signatures"), verbatim, run on a recorded delivery:
// argv: body file, signature, secret. Prints "valid" or "invalid".
const crypto = require('crypto');

function verifySignature(payload, signature, secret) {
  const expectedSignature = crypto
    .createHmac('sha256', secret)
    .update(payload)
    .digest('hex');
  
  return crypto.timingSafeEqual(
    Buffer.from(signature),
    Buffer.from(expectedSignature)
  );
}

const payload = require('fs').readFileSync(process.argv[2]);
console.log(verifySignature(payload, process.argv[3], process.argv[4]) ? 'valid' : 'invalid');
