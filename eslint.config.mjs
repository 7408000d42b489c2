import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "bench/.work/**", "next-env.d.ts"],
  },
  {
    // Jest loads its global setup as CommonJS before any transform.
    files: ["tests/support/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // lib/ is the domain: it never reaches the UI, the routes, the demo seed or the command-line tools.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/components/*", "@/app/*", "@/prisma/seed", "@/prisma/seed/*", "@/scripts/*"], message: "lib/ imports only lib/ (docs/architecture.md)." }] },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
