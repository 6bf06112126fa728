import path from "node:path";

/**
 * Import walls between parts of the app, by the file an import reaches: `@/x` and relative paths
 * (`../../db/schema`, `./x` climbing out of its folder) resolve to the same place, so neither
 * gets around a wall. Packages are left to no-restricted-imports.
 *
 * Options: `forbid` and `allow` are globs of repository paths without extension or `/index`
 * (`db/schema`, `modules/*\/labels`, `modules/**`); a forbidden path is reported unless allowed,
 * or unless the import brings only types and `allowTypes` is set. `names` lists, per path, the
 * values that may be imported from it by name. `onlyClient` applies the wall only to files that
 * begin with "use client".
 */

/** `*` within a folder, `**` across folders. */
function globRegExp(glob) {
  const escape = (s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const source = glob
    .split("**")
    .map((part) => part.split("*").map(escape).join("[^/]*"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

function createWall(root) {
  return {
    meta: {
      type: "problem",
      schema: [
        {
          type: "object",
          properties: {
            forbid: { type: "array", items: { type: "string" } },
            allow: { type: "array", items: { type: "string" } },
            names: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            allowTypes: { type: "boolean" },
            onlyClient: { type: "boolean" },
            message: { type: "string" },
          },
          required: ["forbid", "message"],
          additionalProperties: false,
        },
      ],
    },
    create(context) {
      const options = context.options[0];
      const forbid = options.forbid.map(globRegExp);
      const allow = (options.allow ?? []).map(globRegExp);
      const names = options.names ?? {};
      const filename = context.filename;

      const target = (specifier) => {
        let absolute;
        if (specifier.startsWith("@/")) absolute = path.join(root, specifier.slice(2));
        else if (specifier.startsWith(".")) absolute = path.resolve(path.dirname(filename), specifier);
        else return null;
        const relative = path.relative(root, absolute).split(path.sep).join("/");
        return relative.replace(/\.(m?[jt]sx?)$/, "").replace(/\/index$/, "");
      };

      const check = (node, source, valueNames) => {
        if (typeof source?.value !== "string") return;
        const reached = target(source.value);
        if (reached === null) return;
        if (!forbid.some((r) => r.test(reached)) || allow.some((r) => r.test(reached))) return;
        if (valueNames !== null && valueNames.length === 0 && options.allowTypes) return;
        const named = names[reached];
        if (named && valueNames !== null && valueNames.every((n) => named.includes(n))) return;
        context.report({ node, message: `${options.message} (${source.value} reaches ${reached})` });
      };

      /** Names imported as values; [] when only types; null when not by name (namespace, default, side effect, dynamic). */
      const importedValues = (node) => {
        if (node.importKind === "type") return [];
        if (node.specifiers.length === 0) return null;
        const values = node.specifiers.filter((s) => s.importKind !== "type");
        if (values.some((s) => s.type !== "ImportSpecifier")) return null;
        return values.map((s) => s.imported.name ?? s.imported.value);
      };
      const exportedValues = (node) => {
        if (node.exportKind === "type") return [];
        if (!node.specifiers) return null;
        return node.specifiers.filter((s) => s.exportKind !== "type").map((s) => s.local.name ?? s.local.value);
      };

      const visitors = {
        ImportDeclaration: (node) => check(node, node.source, importedValues(node)),
        ExportNamedDeclaration: (node) => node.source && check(node, node.source, exportedValues(node)),
        ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type" ? [] : null),
        ImportExpression: (node) => check(node, node.source, null),
      };
      if (!options.onlyClient) return visitors;
      const isClient = context.sourceCode.ast.body.some(
        (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
      );
      return isClient ? visitors : {};
    },
  };
}

/** The plugin, resolving `@/` from `root` (the repository). Two names, so that two walls can cover one file. */
export function importWalls(root) {
  const wall = createWall(root);
  return { rules: { layers: wall, "public-reads": wall, "client-code": wall } };
}
