/**
 * Stand-in for @aws-sdk/credential-provider-node in the Lambda bundles: the default chain's SSO,
 * INI-file, process, web-identity, container and instance-metadata providers, with the STS/SSO
 * clients they bring (~100 KB), parsed and partly evaluated at every cold start. A Lambda gets its
 * role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, which is
 * the chain's first step (fromEnv) and the only one that can succeed there. (Lambda SnapStart
 * would need the container provider; these functions do not use it.)
 */
const { fromEnv } = require('@aws-sdk/credential-provider-env');

const defaultProvider = (init = {}) => fromEnv(init);

module.exports = {
  defaultProvider,
  credentialsWillNeedRefresh: () => false,
  credentialsTreatedAsExpired: () => false,
};
