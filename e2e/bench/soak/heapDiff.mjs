// What grew between two heap snapshots of the page (soak --heap-diff): the V8 heap's objects summed
// by constructor or kind, so a slow climb in the soak's table can be traced to its owner.

/** Take a snapshot through the page's CDP session; returns sizes by constructor. */
export async function heapSummary(cdp) {
  let json = '';
  const onChunk = (e) => {
    json += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return summarise(JSON.parse(json));
}

/** Sizes and counts by "kind name" from V8's heap snapshot format (meta.node_fields). */
export function summarise(snapshot) {
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const kinds = types[0];
  const at = (f) => fields.indexOf(f);
  const [iType, iName, iSize] = [at('type'), at('name'), at('self_size')];
  const nodes = snapshot.nodes;
  const strings = snapshot.strings;
  const out = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = kinds[nodes[i + iType]];
    // Code is named by what it is ("(bytecode)", a regexp's source, a function) so its growth has an owner.
    const name = kind === 'object' || kind === 'closure' || kind === 'code' ? strings[nodes[i + iName]] : '';
    const key = name ? `${kind} ${name.slice(0, 60)}` : `(${kind})`;
    const e = out.get(key) ?? { size: 0, count: 0 };
    e.size += nodes[i + iSize];
    e.count += 1;
    out.set(key, e);
  }
  return out;
}

/** The lines the bench prints: the biggest growers, by bytes. */
export function diffLines(before, after, top = 15) {
  const rows = [];
  for (const [key, b] of after) {
    const a = before.get(key) ?? { size: 0, count: 0 };
    rows.push({ key, dSize: b.size - a.size, dCount: b.count - a.count, size: b.size });
  }
  rows.sort((x, y) => y.dSize - x.dSize);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    `heap diff (warm-up end → end), top ${top} by growth:`,
    ...rows
      .slice(0, top)
      .map((r) => `  ${kb(r.dSize).padStart(10)}  ${String(r.dCount).padStart(7)} objects  ${r.key}`),
  ];
}
