// electron-builder's beforePack hook (electron-builder.yml): signing and notarization are
// driven only by the environment variables electron-builder documents, and a build without
// them is unsigned and says so, instead of signing with whatever identity a Mac's keychain
// happens to hold.
//
//   macOS signing    CSC_LINK + CSC_KEY_PASSWORD (a Developer ID Application .p12), or CSC_NAME
//   notarization     APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID
//                    (or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER); electron-builder
//                    notarizes by itself when these are set
//   Windows signing  WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD)

/** What a build with this environment will do, per platform. */
function signingPlan(env) {
  const has = (...names) => names.every((name) => Boolean(env[name]));
  const macCertificate = has('CSC_LINK', 'CSC_KEY_PASSWORD') || has('CSC_NAME');
  const appleCredentials = has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') || has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER');
  const windowsCertificate = has('WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD') || has('CSC_LINK', 'CSC_KEY_PASSWORD');
  return {
    mac: macCertificate ? 'signed' : 'unsigned',
    // Apple notarizes only signed apps.
    notarized: macCertificate && appleCredentials,
    windows: windowsCertificate ? 'signed' : 'unsigned',
    linux: 'unsigned',
  };
}

function describePlan(platform, plan) {
  if (platform === 'darwin') {
    if (plan.mac === 'unsigned') return 'macOS: unsigned (set CSC_LINK and CSC_KEY_PASSWORD to sign; see README, Releasing).';
    return plan.notarized ? 'macOS: signed and notarized.' : 'macOS: signed, not notarized (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID to notarize).';
  }
  if (platform === 'win32') return plan.windows === 'signed' ? 'Windows: signed.' : 'Windows: unsigned (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign; see README, Releasing).';
  return 'Linux: AppImage and deb are not signed.';
}

/** The hook: without a certificate, keychain auto-discovery is turned off so the build stays unsigned. */
async function beforePack(context, env = process.env, log = console.log) {
  const plan = signingPlan(env);
  if (plan.mac === 'unsigned' && env.CSC_IDENTITY_AUTO_DISCOVERY === undefined) env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  log(`[signing] ${describePlan(context.electronPlatformName, plan)}`);
  return plan;
}

module.exports = beforePack;
module.exports.default = beforePack;
module.exports.signingPlan = signingPlan;
