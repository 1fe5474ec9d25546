import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Next bundles the generated client once per server layer while one client (globalThis) is
      // shared: a fragment built in a server action or page is not that client's Sql class and is
      // sent as a bind value ("syntax error at or near $3" in production only). Tagged $queryRaw
      // with plain values is fine; compose constant SQL text instead of fragments.
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|join|raw|empty)$/]",
          message: "Prisma.sql/join/raw fragments break in the production bundle; use plain SQL text with positional values ($queryRawUnsafe).",
        },
      ],
    },
  },
  {
    ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
