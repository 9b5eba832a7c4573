/** Module boundaries of Halle (see ARCHITECTURE.md), checked in CI by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-business',
      comment: 'src/platform holds technical pieces only: it never imports a module, the web layer or the app.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|web|app|cli|demo)/' },
    },
    {
      name: 'modules-through-index',
      comment: 'A module reaches another module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      comment:
        'The app, the CLI and the demo data use a module through its index.ts (messages excepted for the catalogue).',
      severity: 'error',
      from: { path: '^src/(app|cli|demo)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure TypeScript: no database, no HTTP, no file system.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        path: [
          '^(node:)?(fs|net|http|https|child_process)',
          'node_modules/(pg|kysely|fastify|pg-boss|nodemailer)',
          '^src/platform/(db/kysely|db/pool|runtime|mail|jobs)',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.test\\.tsx?$', '^test/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
