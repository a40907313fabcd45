/**
 * Stand-in for undici in the Lambda bundles (~420 KB). @discordjs/rest imports it at load time for
 * its default request strategy, but src/platforms/discord/rest.ts gives it the runtime's global
 * fetch instead (Node 22 has one), so only these globals are ever touched.
 */
module.exports = {
  FormData: globalThis.FormData,
  Headers: globalThis.Headers,
  request() {
    throw new Error('undici is not bundled: pass makeRequest (global fetch) to @discordjs/rest');
  },
};
