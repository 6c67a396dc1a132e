import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DescriptionSource } from './json-schema';

type TypeScript = typeof import('typescript');
type ClassDeclaration = import('typescript').ClassDeclaration;
type Node = import('typescript').Node;

function sourceFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** JSDoc of classes and their members, read from TypeScript sources (parsed, never type-checked: cheap). */
class JsDocIndex implements DescriptionSource {
  private readonly classes = new Map<string, ClassDeclaration>();

  constructor(
    private readonly ts: TypeScript,
    dirs: readonly string[],
  ) {
    for (const file of dirs.flatMap(sourceFilesUnder)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('class ')) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements) {
        // First declaration wins: the service's own sources are listed before libs/platform.
        if (ts.isClassDeclaration(statement) && statement.name && !this.classes.has(statement.name.text)) {
          this.classes.set(statement.name.text, statement);
        }
      }
    }
  }

  classDoc(name: string): string | undefined {
    const declaration = this.classes.get(name);
    return declaration ? this.docOf(declaration) : undefined;
  }

  memberDoc(className: string, member: string): string | undefined {
    const declaration = this.classes.get(className);
    const node = declaration?.members.find(
      (m) => m.name !== undefined && this.ts.isIdentifier(m.name) && m.name.text === member,
    );
    return node ? this.docOf(node) : undefined;
  }

  private docOf(node: Node): string | undefined {
    const docs = this.ts.getJSDocCommentsAndTags(node).filter((d) => this.ts.isJSDoc(d));
    const last = docs.at(-1);
    if (!last) return undefined;
    const text = (this.ts.getTextOfJSDocComment(last.comment) ?? '').replace(/\s+/g, ' ').trim();
    return text === '' ? undefined : text;
  }
}

/**
 * JSDoc descriptions from the TypeScript sources of the app and libs/platform when they are at hand
 * (development, tests, the generator script), else undefined: a compiled image ships neither the sources nor
 * the TypeScript compiler, and its served document then lacks only the prose.
 */
export async function sourceDescriptions(
  root: string,
  sourceDirs: readonly string[],
): Promise<DescriptionSource | undefined> {
  const dirs = sourceDirs.map((dir) => join(root, dir));
  if (!dirs.some((dir) => sourceFilesUnder(dir).length > 0)) return undefined;
  let ts: TypeScript;
  try {
    ts = await import('typescript');
  } catch {
    return undefined;
  }
  return new JsDocIndex(ts, dirs);
}
