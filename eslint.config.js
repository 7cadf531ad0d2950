// Lint config: typescript-eslint's recommended rules plus React's hooks rules.
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'coverage',
      'node_modules',
      '**/.next',
      '**/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { a, ...rest } = props` is how a component keeps its own props off the DOM.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Rooms: dependencies point one way, core ← keys, i18n ← react rooms ← consoles (README
  // "Architecture"). Inside react, from the bottom: loaders, context, queries ← urls ← session,
  // ui ← viewer ← lazy ← consoles; replay stands beside them on loaders. A forbidden import names
  // the room it reached into.
  ...rooms({
    'src/core/**': {
      rooms: ['keys', 'i18n', 'react', 'server'],
      packages: ['react', 'react-dom', 'react-vnc', '@tanstack/*', 'ws', 'node:*'],
      why: 'core runs anywhere (Node, a worker, a server component): no React, DOM libraries or Node built-ins',
    },
    'src/keys/**': {
      rooms: ['i18n', 'react', 'server'],
      packages: ['react', 'react-dom'],
      why: 'keys build on core only',
    },
    'src/i18n/**': {
      rooms: ['keys', 'react', 'server'],
      packages: ['react', 'react-dom'],
      why: 'i18n builds on core only',
    },
    'src/server/**': {
      rooms: ['keys', 'i18n', 'react'],
      packages: ['react', 'react-dom', 'react-vnc', '@tanstack/*'],
      why: 'the server entry is Node only',
    },
    'src/react/!(consoles)/**': {
      rooms: ['consoles'],
      why: 'consoles compose the other rooms, never the reverse',
    },
    'src/react/loaders/**': {
      rooms: ['context', 'queries', 'urls', 'session', 'ui', 'viewer', 'lazy', 'consoles'],
      why: 'loaders sit at the bottom: the rooms above load code through them',
    },
    'src/react/context/**': {
      rooms: ['loaders', 'queries', 'urls', 'session', 'ui', 'viewer', 'lazy', 'consoles'],
      why: 'context carries values, no behaviour',
    },
    'src/react/queries/**': {
      rooms: ['loaders', 'context', 'urls', 'session', 'ui', 'viewer', 'lazy', 'consoles'],
      why: 'queries are data only',
    },
    'src/react/urls/**': {
      rooms: ['loaders', 'context', 'session', 'ui', 'viewer', 'lazy', 'consoles'],
      why: 'console access (URLs and their sockets) builds on queries only; the session uses it',
    },
    'src/react/session/**': {
      rooms: ['context', 'queries', 'ui', 'viewer', 'lazy', 'consoles'],
      packages: ['react', 'react-dom'],
      why: 'the session runs outside React; the viewer renders it',
    },
    'src/react/ui/**': {
      rooms: ['loaders', 'queries', 'urls', 'session', 'viewer', 'lazy', 'consoles'],
      why: 'UI parts read the console through context only',
    },
    'src/react/viewer/**': {
      rooms: ['queries', 'lazy', 'consoles'],
      why: 'the loaded viewer renders the session and the UI; the shell in lazy/ loads it',
    },
    'src/react/lazy/**': {
      rooms: ['consoles'],
      why: 'the loading shell sits on the viewer; the consoles compose it',
    },
    'src/react/replay/**': {
      rooms: [
        'context',
        'queries',
        'urls',
        'session',
        'ui',
        'viewer',
        'lazy',
        'consoles',
        'server',
      ],
      why: 'the replay stands alone beside the consoles: it loads react-vnc through loaders/ and reads the format from core',
    },
  }),
  {
    files: ['test/**', 'demo/**', 'scripts/**', '**/*.test.*', 'bench/**', 'examples/**'],
    rules: { 'no-console': 'off' },
  },
)

/** One `no-restricted-imports` block per room: the rooms and packages it may not import. */
function rooms(table) {
  return Object.entries(table).map(([files, { rooms: banned, packages = [], why }]) => ({
    files: [files],
    ignores: ['**/*.test.*', '**/*.test-d.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Package names exactly (a `react` pattern would also match a `../react/` path).
          paths: packages
            .filter((name) => !name.includes('*'))
            .map((name) => ({ name, message: `Not ${name}: ${why}.` })),
          patterns: [
            ...banned.map((room) => ({
              group: [`**/${room}/**`],
              message: `Not from ${room}/: ${why}.`,
            })),
            ...packages
              .filter((name) => name.includes('*'))
              .map((name) => ({ group: [name], message: `Not ${name}: ${why}.` })),
          ],
        },
      ],
    },
  }))
}
