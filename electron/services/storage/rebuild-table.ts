import type { DatabaseSync } from 'node:sqlite';

/**
 * Rebuilds `table` with a changed definition (SQLite cannot alter a CHECK constraint), inside
 * the caller's transaction, keeping every row, index and trigger. `define` rewrites the
 * table's CREATE statement; `select` gives, per column, the expression its new value is read
 * with (the column itself when absent). Columns others added later come along as they are.
 *
 * Foreign keys stay on (they cannot be switched off inside a transaction), so the rows of
 * tables that reference `table` are set aside while it is replaced and put back after:
 * dropping the old table would otherwise cascade to them.
 */
export function rebuildTable(db: DatabaseSync, table: string, define: (sql: string) => string, select: Record<string, string> = {}): void {
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND sql IS NOT NULL`).all(table) as { type: string; name: string; sql: string }[];
  const created = objects.find((o) => o.type === 'table');
  if (!created) throw new Error(`There is no table ${table} to rebuild.`);
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
  const children = (
    db
      .prepare(`SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = ? AND m.name <> ?`)
      .all(table, table) as { name: string }[]
  ).map((c) => c.name);
  const fresh = `${table}__new`;
  const defined = define(created.sql);
  db.exec(replaceOnce(defined, `CREATE TABLE ${table} (`, `CREATE TABLE ${fresh} (`));
  const list = columns.join(', ');
  db.exec(`INSERT INTO ${fresh} (${list}) SELECT ${columns.map((c) => select[c] ?? c).join(', ')} FROM ${table}`);
  children.forEach((child, i) => {
    db.exec(`CREATE TEMP TABLE rebuild_stash_${i} AS SELECT * FROM ${child}`);
    db.exec(`DELETE FROM ${child}`);
  });
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${fresh} RENAME TO ${table}`);
  children.forEach((child, i) => {
    db.exec(`INSERT INTO ${child} SELECT * FROM temp.rebuild_stash_${i}`);
    db.exec(`DROP TABLE temp.rebuild_stash_${i}`);
  });
  for (const o of objects) if (o.type === 'index' || o.type === 'trigger') db.exec(o.sql);
}

/** `text` with `from` replaced by `to`; throws when `from` is not there (a schema not as expected). */
export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`Expected the schema to contain ${from}.`);
  return text.replace(from, to);
}
