/** Unit tests sit beside the code; tests/ holds http, contract and e2e suites. */
const ts = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = { transform: { '^.+\\.tsx?$': ts }, testPathIgnorePatterns: ['/node_modules/', '/build/'] };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/src/ui/'], testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/serverless/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/tests/support/**/*.test.ts', '<rootDir>/bench/**/*.test.ts'] },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/src/ui/**/*.test.ts', '<rootDir>/public/**/*.test.ts?(x)'],
    },
    // The Flex plugin's pure logic (settings, Insights attributes); its Flex glue is in plugin-real-flex.
    {
      ...base,
      displayName: 'plugin',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      roots: ['<rootDir>/plugin-video-escalation'],
      testMatch: ['<rootDir>/plugin-video-escalation/src/**/*.test.ts?(x)'],
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, '\\.real-flex\\.test\\.'],
    },
    // The plugin's registration on the real @twilio/flex-ui 2.17 (no module mock: roots leave out
    // __mocks__; only Manager is faked, see plugin-video-escalation/test-support/offline-flex.tsx).
    {
      ...base,
      displayName: 'plugin-real-flex',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      roots: ['<rootDir>/plugin-video-escalation/src'],
      setupFiles: ['<rootDir>/src/ui/test-support/media-env.ts'],
      testMatch: ['<rootDir>/plugin-video-escalation/src/**/*.real-flex.test.tsx'],
    },
    { ...base, displayName: 'http', testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'], testMatch: ['<rootDir>/tests/http/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts'] },
    // Real ffmpeg, pocketsphinx and SQLite: integration and fault tests of the recording pipeline.
    { ...base, displayName: 'pipeline', testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'], testMatch: ['<rootDir>/tests/pipeline/**/*.test.ts'] },
    // Fault injection and fuzzing against the real running stack (kills, restarts, hostile input).
    { ...base, displayName: 'faults', testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'], testMatch: ['<rootDir>/tests/faults/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'], testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
