/**
 * Every door into the server, read off the source: each export of a "use server" file, each
 * function with an inline "use server" directive, and each HTTP method a route handler exports.
 * The authorization matrix must name each of them (tests/authorization-inventory.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Door =
  | { kind: "action"; key: string; file: string; name: string }
  | { kind: "route"; key: string; file: string; method: string; path: string };

const root = path.resolve(import.meta.dirname, "../..");
// Where a server function or a route handler may live; everything else is not reachable over HTTP.
const sourceFolders = ["app", "components", "lib", "modules"];
const httpMethods = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

export function serverDoors(): Door[] {
  const doors: Door[] = [];
  for (const file of sourceFolders.flatMap((folder) => sourceFiles(folder))) {
    const source = ts.createSourceFile(
      file,
      fs.readFileSync(path.join(root, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    if (hasUseServer(source.statements)) {
      for (const name of exportedValues(source)) doors.push({ kind: "action", key: `${file}#${name}`, file, name });
    } else {
      for (const name of inlineServerFunctions(source))
        doors.push({ kind: "action", key: `${file}#${name}`, file, name });
    }
    if (/^app\/(.+\/)?route\.tsx?$/.test(file)) {
      const routePath = urlPath(file);
      for (const method of exportedValues(source).filter((name) => httpMethods.has(name)))
        doors.push({ kind: "route", key: `${method} ${routePath}`, file, method, path: routePath });
    }
  }
  return doors;
}

function sourceFiles(folder: string): string[] {
  const dir = path.join(root, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".d.ts"))
    .map((name) => path.posix.join(folder, name.split(path.sep).join("/")))
    .sort();
}

function hasUseServer(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

/** The value bindings a module exports (types left out): declarations, destructurings, lists. */
function exportedValues(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExported(statement)) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      names.push(isDefault ? "default" : (statement.name?.text ?? "default"));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause))
        for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    }
  }
  return names;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Functions whose body starts with "use server" (server functions defined inside components). */
function inlineServerFunctions(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body)) {
      if (hasUseServer(node.body.statements)) names.push(functionName(node, source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function functionName(node: ts.SignatureDeclaration, source: ts.SourceFile): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `inline@${line + 1}`;
}

/** A route file's address: route groups dropped, dynamic segments kept as written. */
function urlPath(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}
