import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from './migration-registry.js';
import { ownerOf, TABLE_OWNERS, tableOwnersMarkdown } from './table-owners.js';

/**
 * The guard of ADR 0010: dependency-cruiser sees imports, not SQL. This reads the SQL written in
 * every lib's source (its string and template literals; migrations and specs aside) and fails when
 * a lib reads a table of another context, reads a view it is not listed as a reader of, or writes
 * into a relation that is not one of its own tables.
 */

interface Reference {
  readonly relation: string;
  readonly write: boolean;
}

const NAME = String.raw`(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)\b"?`;
/** A relation written: its name follows the statement's verb. */
const WRITE = new RegExp(
  String.raw`\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO|ALTER\s+TABLE|LOCK(?:\s+TABLE)?|COPY)\s+(?:ONLY\s+)?${NAME}`,
  'gi',
);
/** A relation read (a function call such as `FROM unnest(...)` is not one). */
const READ = new RegExp(String.raw`\b(?:FROM|JOIN|USING)\s+(?:ONLY\s+)?${NAME}(?!\s*\()`, 'gi');
/** `FROM a x, b y`: the next relation of a list, after the previous one's alias. */
const NEXT_IN_LIST = new RegExp(
  String.raw`^(?:\s+(?:AS\s+)?(?!(?:WHERE|JOIN|LEFT|RIGHT|INNER|CROSS|FULL|NATURAL|ON|USING|GROUP|ORDER|LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|FOR|WINDOW|HAVING|RETURNING|SET|VALUES)\b)[a-z_][a-z0-9_]*)?\s*,\s*${NAME}(?!\s*\()`,
  'i',
);
/** SQL as this code base writes it: upper-case keywords, or a statement in lower case. */
const LOOKS_LIKE_SQL =
  /\b(?:SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|WITH|TRUNCATE)\b|^\s*(?:select|insert|update|delete|with)\b/;

/** The relations an SQL text reads and writes. */
function references(sql: string): Reference[] {
  if (!LOOKS_LIKE_SQL.test(sql)) return [];
  const found: Reference[] = [];
  for (const match of sql.matchAll(WRITE)) found.push({ relation: match[1].toLowerCase(), write: true });
  for (const match of sql.matchAll(READ)) {
    // `DELETE FROM t` is a write, counted above.
    if (/\bDELETE\s+$/i.test(sql.slice(0, match.index))) continue;
    found.push({ relation: match[1].toLowerCase(), write: false });
    let rest = sql.slice(match.index + match[0].length);
    for (let next = NEXT_IN_LIST.exec(rest); next; next = NEXT_IN_LIST.exec(rest)) {
      found.push({ relation: next[1].toLowerCase(), write: false });
      rest = rest.slice(next[0].length);
    }
  }
  return found;
}

/** The text of every string and template literal of a source file, with its line. */
function literals(file: string, source: string): Array<{ line: number; text: string }> {
  const unit = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    const line = (): number => unit.getLineAndCharacterOfPosition(node.getStart(unit)).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push({ line: line(), text: node.text });
    // `${...}` stands for an expression: a condition, a column list, never (here) a relation's name.
    if (ts.isTemplateExpression(node))
      found.push({
        line: line(),
        text: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? '),
      });
    ts.forEachChild(node, visit);
  };
  visit(unit);
  return found;
}

/** What is wrong with the SQL of `lib`'s source file; each entry names the file, the line and the rule. */
function violations(lib: string, file: string, source: string | Array<{ line: number; text: string }>): string[] {
  const found: string[] = [];
  for (const { line, text } of typeof source === 'string' ? literals(file, source) : source)
    for (const { relation, write } of references(text)) {
      const owner = ownerOf(relation);
      if (owner === null) continue;
      const view = TABLE_OWNERS[owner].views[relation];
      const where = `${file}:${line}`;
      if (write && (view || owner !== lib))
        found.push(
          `${where} writes ${relation}, ${view ? 'a view' : 'a table'} of ${owner}: ` +
            `call ${owner}'s door (its src/index.ts) or react to its events`,
        );
      else if (!write && view && owner !== lib && !view.readers.includes(lib))
        found.push(`${where} reads ${relation}, not published to ${lib}: add ${lib} to its readers in table-owners.ts`);
      else if (!write && !view && owner !== lib)
        found.push(`${where} reads ${relation}, a table of ${owner}: read a view ${owner} publishes (table-owners.ts)`);
    }
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const LIBS = readdirSync(path.resolve('libs'));
/** Every lib's source (migrations and specs aside), as [lib, path from the repository root, its literals]. */
const SOURCES = LIBS.flatMap((lib) =>
  sourceFiles(path.resolve('libs', lib, 'src')).map((file) => {
    const relative = path.relative(path.resolve(), file);
    return [lib, relative, literals(relative, readFileSync(file, 'utf8'))] as const;
  }),
);

/** The tables and views the migrations leave, replaying their `up()` as the checksums do. */
async function createdRelations(): Promise<{ tables: Set<string>; views: Set<string> }> {
  const tables = new Set<string>();
  const views = new Set<string>();
  const runner = {
    query(sql: string): Promise<unknown[]> {
      for (const [, kind, name] of sql.matchAll(
        /\bCREATE\s+(?:OR\s+REPLACE\s+)?(TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)/gi,
      ))
        (kind.toUpperCase() === 'TABLE' ? tables : views).add(name);
      for (const [, kind, names] of sql.matchAll(
        /\bDROP\s+(TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+EXISTS\s+)?([a-z0-9_,\s]+)/gi,
      ))
        for (const name of names.split(',').map((part) => part.trim().split(/\s/)[0]))
          (kind.toUpperCase() === 'TABLE' ? tables : views).delete(name);
      for (const [, kind, from, to] of sql.matchAll(
        /\bALTER\s+(TABLE|VIEW)\s+(?:IF\s+EXISTS\s+)?([a-z_][a-z0-9_]*)\s+RENAME\s+TO\s+([a-z_][a-z0-9_]*)/gi,
      )) {
        const set = kind.toUpperCase() === 'TABLE' ? tables : views;
        set.delete(from);
        set.add(to);
      }
      return Promise.resolve([]);
    },
  } as unknown as QueryRunner;
  for (const Migration of MIGRATIONS) await new Migration().up(runner);
  return { tables, views };
}

describe('each context owns its tables (ADR 0010)', () => {
  it('gives every table and view the migrations create exactly one owner', async () => {
    const { tables, views } = await createdRelations();
    const owned = Object.values(TABLE_OWNERS);
    const ownedTables = owned.flatMap((ownership) => ownership.tables);
    const ownedViews = owned.flatMap((ownership) => Object.keys(ownership.views));
    expect(tables.size).toBeGreaterThan(40);
    expect([...ownedTables].sort()).toEqual([...tables].sort());
    expect([...ownedViews].sort()).toEqual([...views].sort());
    expect(new Set([...ownedTables, ...ownedViews]).size).toBe(ownedTables.length + ownedViews.length);
  });

  it('names owners and readers that are libs, a view never read by its own owner only', () => {
    for (const [owner, ownership] of Object.entries(TABLE_OWNERS)) {
      expect(LIBS).toContain(owner);
      for (const view of Object.values(ownership.views)) {
        expect(view.readers.length).toBeGreaterThan(0);
        for (const reader of view.readers) {
          expect(LIBS).toContain(reader);
          expect(reader).not.toBe(owner);
        }
      }
    }
  });

  it('finds no SQL of a lib reading or writing another context’s table', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect([...new Set(SOURCES.flatMap(([lib, file, source]) => violations(lib, file, source)))]).toEqual([]);
  });

  it('lists as readers of a view exactly the libs whose SQL reads it', () => {
    const declared = new Set(
      Object.values(TABLE_OWNERS).flatMap((ownership) =>
        Object.entries(ownership.views).flatMap(([view, published]) =>
          published.readers.map((reader) => `${reader} reads ${view}`),
        ),
      ),
    );
    const read = new Set(
      SOURCES.flatMap(([lib, , sources]) =>
        sources.flatMap(({ text }) =>
          references(text)
            .filter(({ relation, write }) => !write && ownerOf(relation) !== lib)
            .filter(({ relation }) => Object.values(TABLE_OWNERS).some((ownership) => relation in ownership.views))
            .map(({ relation }) => `${lib} reads ${relation}`),
        ),
      ),
    );
    expect([...declared].sort()).toEqual([...read].sort());
  });

  describe('the guard itself', () => {
    const fixture = (sql: string): string => `export const query = \`${sql}\`;\n`;

    it('fails on a read of another context’s table, naming the file, the line and the owner', () => {
      const source = `import x from 'y';\n${fixture('SELECT b.first_name FROM beneficiary b WHERE b.id = $1')}`;
      expect(violations('mediation', 'libs/mediation/src/infrastructure/fixture.ts', source)).toEqual([
        'libs/mediation/src/infrastructure/fixture.ts:2 reads beneficiary, a table of coaching: read a view coaching publishes (table-owners.ts)',
      ]);
    });

    it('fails on a table reached by a join, a subquery, a list or a quoted or qualified name', () => {
      for (const sql of [
        'SELECT n.id FROM introduction n JOIN beneficiary b ON b.id = n.beneficiary_id',
        'SELECT n.id, (SELECT count(*) FROM offer_proposal p WHERE p.beneficiary_id = n.id) FROM introduction n',
        'SELECT n.id FROM introduction n, beneficiary AS b WHERE b.id = n.beneficiary_id',
        'SELECT id FROM "beneficiary"',
        'SELECT id FROM public.beneficiary',
        'select id from beneficiary',
      ])
        expect(violations('mediation', 'fixture.ts', fixture(sql))).toHaveLength(1);
    });

    it('fails on a write into another context’s table, or into any view', () => {
      for (const [lib, sql] of [
        ['mediation', 'INSERT INTO offer_proposal (beneficiary_id, offer_id) VALUES ($1, $2)'],
        ['outcomes', 'DELETE FROM user_notification WHERE subject_id = $1'],
        ['matching', 'UPDATE offer SET status = $2 WHERE id = $1'],
        ['mediation', 'UPDATE coaching_beneficiary_v SET first_name = NULL'],
        ['coaching', 'UPDATE coaching_beneficiary_v SET first_name = NULL'],
      ] as const)
        expect(violations(lib, 'fixture.ts', fixture(sql))).toEqual([expect.stringContaining(' writes ')]);
    });

    it('fails on a view read by a lib it is not published to', () => {
      expect(violations('matching', 'fixture.ts', fixture('SELECT id FROM coaching_beneficiary_v'))).toEqual([
        expect.stringContaining('not published to matching'),
      ]);
    });

    it('lets a lib use its own tables and the views published to it, and ignores prose and function calls', () => {
      const source = [
        fixture('SELECT b.id FROM coaching_beneficiary_v b JOIN placement p ON p.beneficiary_id = b.id FOR UPDATE'),
        fixture('DELETE FROM follow_up f USING unnest($1::uuid[]) AS s(id) WHERE f.id = s.id'),
        `const message = 'drops legal forms from employer names';`,
        fixture('SELECT extract(epoch FROM now() - min(created_at)) FROM follow_up'),
      ].join('');
      expect(violations('outcomes', 'fixture.ts', source)).toEqual([]);
    });
  });

  it('docs/tables.md shows exactly the map', () => {
    const doc = readFileSync(path.resolve('docs/tables.md'), 'utf8');
    const match = /<!-- tables:start -->\n([\s\S]*?)\n<!-- tables:end -->/.exec(doc);
    expect(match?.[1]).toBe(tableOwnersMarkdown());
  });
});
