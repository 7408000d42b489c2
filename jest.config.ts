// One command runs everything (`npm test`): unit tests, integration tests on a
// throwaway PostgreSQL, and end-to-end tests in Debian's Chromium against a
// production build. `--selectProjects unit|integration|e2e` runs one part;
// the global setup only starts what the selected parts need.
import nextJest from "next/jest.js";
import type { Config } from "jest";

const createJestConfig = nextJest({ dir: "./" });

const shared: Config = {
  testEnvironment: "node",
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/support/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
};

export default async function config(): Promise<Config> {
  const base = (await createJestConfig(shared)()) as Config;
  const project = (name: string, extra: Config): Config => ({
    displayName: name,
    rootDir: __dirname,
    testEnvironment: "node",
    transform: base.transform,
    // ESM-only packages the tests load: TanStack Table (client tables) and the schema engine glue (migration tests).
    transformIgnorePatterns: ["/node_modules/(?!(file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@tanstack/react-table|@tanstack/table-core|@prisma/schema-engine-wasm|next/dist/client|next/dist/shared/lib)/)", "^.+\\.module\\.(css|sass|scss)$"],
    moduleNameMapper: base.moduleNameMapper,
    testPathIgnorePatterns: ["/node_modules/", "/.next/", "/.data/"],
    ...extra,
  });
  return {
    globalSetup: "<rootDir>/tests/support/global-setup.js",
    globalTeardown: "<rootDir>/tests/support/global-teardown.js",
    maxWorkers: 2,
    // Browser journeys and Argon2id hashing on 2 shared cores need more than the default 5 s.
    testTimeout: 60_000,
    projects: [
      project("unit", { testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"] }),
      project("integration", { testMatch: ["<rootDir>/tests/integration/**/*.test.ts?(x)"], setupFiles: ["<rootDir>/tests/support/integration-env.ts"] }),
      project("e2e", { testMatch: ["<rootDir>/tests/e2e/**/*.test.ts?(x)"], setupFiles: ["<rootDir>/tests/support/integration-env.ts"] }),
    ],
  };
}
