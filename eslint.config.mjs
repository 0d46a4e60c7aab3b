// ESLint for vanban's own browser code (`npx --no-install eslint docs/assets/javascripts`).
// The scripts are classic <script> files, not modules: they must also run from file://.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "build/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        cytoscape: "readonly",   // assets/vendor/cytoscape.min.js, loaded before vanban-graph.js
      },
    },
  },
];
