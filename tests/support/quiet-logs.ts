// Jest setup for suites that run the stack in-process: keep pino to warnings so results stay readable.
process.env.LOG_LEVEL ??= 'warn';
