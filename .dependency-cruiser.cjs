/**
 * The layers of ../shared/design/ARCHITECTURE.md, checked on the resolved import graph:
 * static, dynamic `import()`, `require`, type-only imports and re-exports all count, and a
 * path counts by the file it resolves to, however it is spelled. `npm run lint` runs it.
 */
// The electron package, or one of its subpaths (electron/main…), which resolve only inside Electron.
const ELECTRON = '^(node_modules/electron/|electron(/(main|renderer|common|utility))?$)';
const SETTINGS_LIBRARIES = '^node_modules/(electron-store|conf)/';
// The code the app ships; tests, their helpers and child processes run only under vitest.
const TEST_CODE = '(\\.test\\.tsx?|/test-support\\.ts|-test-support\\.ts|\\.child\\.ts)$';
// The files that construct the settings store: electron-store in Electron, conf in the harness and tests.
const SETTINGS_CONSTRUCTION = '^electron/(platform/settings-file|services/settings/conf-file)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the modules cannot be understood, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-features',
      severity: 'error',
      comment: 'Two renderer features that import each other are one feature in two places.',
      scope: 'folder',
      from: { path: '^renderer/features/' },
      to: { path: '^renderer/features/', circular: true },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer runs in a sandboxed browser page: no Node built-in.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-main-process',
      severity: 'error',
      comment: 'The renderer reaches main only through the bridge: nothing under electron/, and not electron itself.',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', ELECTRON] },
    },
    {
      name: 'renderer-feature-through-index',
      severity: 'error',
      comment: "A renderer feature reaches another feature only through that feature's public index.ts.",
      from: { path: '^renderer/features/([^/]+)/' },
      to: { path: '^renderer/features/([^/]+)/', pathNot: ['^renderer/features/$1/', '^renderer/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'shared-only-shared',
      severity: 'error',
      comment: 'shared/ runs in both processes: it imports only shared/ and pure libraries (no Node built-in).',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/'] },
    },
    {
      name: 'shared-no-platform-library',
      severity: 'error',
      comment: 'shared/ runs in both processes: no electron, electron-store or conf.',
      from: { path: '^shared/' },
      to: { path: [ELECTRON, SETTINGS_LIBRARIES] },
    },
    {
      name: 'services-no-wiring',
      severity: 'error',
      comment:
        'Services take their dependencies as arguments and run under plain Node: they import no core, IPC layer, menus, desktop glue, platform code or electron. (A *.test.ts may drive its service through the core; its helpers may not.)',
      from: { path: '^electron/services/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^electron/core[^/]*$', '^electron/(ipc|menus|desktop|platform)/', ELECTRON] },
    },
    {
      name: 'services-tests-no-platform',
      severity: 'error',
      comment: 'Tests of services run under plain Node: no IPC layer, menus, desktop glue, platform code or electron.',
      from: { path: '^electron/services/.+\\.test\\.ts$' },
      to: { path: ['^electron/(ipc|menus|desktop|platform)/', ELECTRON] },
    },
    {
      name: 'providers-no-services',
      severity: 'error',
      comment:
        'Providers are pure mappings plus one HTTP call: they know nothing of the services. (Their tests may wrap files the way the attachments service does.)',
      from: { path: '^electron/providers/', pathNot: '\\.test\\.ts$' },
      to: { path: '^electron/services/' },
    },
    {
      name: 'providers-no-wiring',
      severity: 'error',
      comment: 'Providers and their tests know nothing of the core, the IPC layer, menus, desktop glue, platform code or electron.',
      from: { path: '^electron/providers/' },
      to: { path: ['^electron/(ipc|menus|desktop|platform)/', '^electron/core[^/]*$', ELECTRON] },
    },
    {
      name: 'shipped-code-no-test-tree',
      severity: 'error',
      comment: 'The app does not ship e2e/, bench/ or scripts/: only tests and their helpers import them.',
      from: { path: '^(electron|renderer|shared)/', pathNot: TEST_CODE },
      to: { path: '^(e2e|bench|scripts)/' },
    },
    {
      name: 'main-no-renderer',
      severity: 'error',
      comment: 'The main process and the renderer share code only through shared/.',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'electron-only-in-platform',
      severity: 'error',
      comment: 'Only electron/platform/, electron/main.ts and electron/preload.ts import electron (scripts/ read its version).',
      from: { pathNot: ['^electron/(platform/|main\\.ts$|preload\\.ts$)', '^scripts/.+\\.mjs$'] },
      to: { path: ELECTRON },
    },
    {
      name: 'settings-library-where-constructed',
      severity: 'error',
      comment: 'electron-store and conf are imported only where the settings store is constructed; everything else uses the SettingsStore interface.',
      from: { pathNot: SETTINGS_CONSTRUCTION },
      to: { path: SETTINGS_LIBRARIES },
    },
    {
      name: 'declared-packages-only',
      severity: 'error',
      comment: 'Every package imported is declared in package.json; an undeclared one works only by accident of hoisting.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'shipped-code-no-dev-dependency',
      severity: 'error',
      comment:
        'Code the app ships imports only dependencies, not devDependencies (electron itself is a devDependency for electron-builder, and type-only imports vanish at build).',
      from: { path: '^(electron|renderer|shared)/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'triple-slash-type-reference'], pathNot: ELECTRON },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'An import that resolves to no file on disk.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-electron|release|test-results|playwright-report)/' },
    // Type-only imports and re-exports are dependencies too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: false,
    reporterOptions: {
      dot: {
        collapsePattern: '^node_modules/(@[^/]+/[^/]+|[^/]+)',
      },
    },
  },
};
