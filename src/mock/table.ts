// A primary-keyed collection with an auto-increment counter, like one database table.
// Rows keep the key order of InvenTree's serializers, so handlers can return them as they are.

/** Every stored row is an API-shaped JSON object with an integer `pk`. */
export type Row = { pk: number } & Record<string, unknown>;

/** JSON form of a table (for IndexedDB persistence). */
export interface TableState<T extends Row> {
  nextPk: number;
  rows: T[];
}

export class Table<T extends Row> {
  private readonly byPk = new Map<number, T>();
  /** Rows in pk order, rebuilt lazily after inserts and deletes (scans search tables often). */
  private sorted: T[] | null = null;
  /** Like sqlite AUTOINCREMENT: never reuses a pk, even after deletes. */
  nextPk: number;
  /** Moves on with every insert, put and delete (and touch()): an index built on the rows is stale. */
  private revision = 0;

  constructor(rows: T[] = [], nextPk?: number) {
    for (const row of rows) this.byPk.set(row.pk, row);
    const maxPk = rows.reduce((max, row) => Math.max(max, row.pk), 0);
    this.nextPk = nextPk ?? maxPk + 1;
  }

  get(pk: number): T | undefined {
    return this.byPk.get(pk);
  }

  has(pk: number): boolean {
    return this.byPk.has(pk);
  }

  /** All rows in pk order (the database's natural order). */
  all(): T[] {
    return [...this.inOrder()];
  }

  filter(predicate: (row: T) => boolean): T[] {
    return this.inOrder().filter(predicate);
  }

  find(predicate: (row: T) => boolean): T | undefined {
    return this.inOrder().find(predicate);
  }

  /** The rows in pk order, not copied (all() gives callers their own array). */
  private inOrder(): readonly T[] {
    this.sorted ??= [...this.byPk.values()].sort((a, b) => a.pk - b.pk);
    return this.sorted;
  }

  get size(): number {
    return this.byPk.size;
  }

  get version(): number {
    return this.revision;
  }

  /** A row's indexed field was changed in place: indexes over this table must be rebuilt. */
  touch(): void {
    this.revision += 1;
  }

  /** Allocates the next pk and stores the row built from it. */
  insert(build: (pk: number) => T): T {
    const pk = this.nextPk;
    this.nextPk += 1;
    const row = build(pk);
    this.byPk.set(row.pk, row);
    this.sorted = null;
    this.revision += 1;
    return row;
  }

  /** Stores a row with its own pk (like a fixture load); the counter moves past it as in SQLite. */
  put(row: T): T {
    this.byPk.set(row.pk, row);
    this.nextPk = Math.max(this.nextPk, row.pk + 1);
    this.sorted = null;
    this.revision += 1;
    return row;
  }

  delete(pk: number): boolean {
    this.sorted = null;
    this.revision += 1;
    return this.byPk.delete(pk);
  }

  toJSON(): TableState<T> {
    return { nextPk: this.nextPk, rows: this.all() };
  }

  static fromJSON<T extends Row>(state: TableState<T>): Table<T> {
    return new Table<T>(state.rows, state.nextPk);
  }
}
