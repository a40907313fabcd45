/**
 * Stand-in for iconv-lite in the Lambda bundles. Bolt pulls in Express (for its ExpressReceiver)
 * and with it body-parser's iconv-lite: ~480 KB of code tables that a Lambda behind
 * AwsLambdaReceiver never runs. Parsing them is cold-start time users wait for, so the bundles get
 * this UTF-8-only version; anything asking for another charset fails loudly instead of silently.
 */
const UTF8 = /^utf-?8$/i;

function check(encoding) {
  if (!UTF8.test(encoding)) throw new Error(`charset ${encoding} is not bundled in this Lambda`);
}

module.exports = {
  encodingExists: (encoding) => UTF8.test(encoding),
  decode(buffer, encoding) {
    check(encoding);
    return Buffer.from(buffer).toString('utf8');
  },
  encode(text, encoding) {
    check(encoding);
    return Buffer.from(String(text), 'utf8');
  },
  getDecoder(encoding) {
    check(encoding);
    const decoder = new TextDecoder('utf-8');
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  },
};
