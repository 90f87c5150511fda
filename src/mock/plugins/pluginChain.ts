// Runs barcode plugins in registry order (BEHAVIOUR.md 1.6): the first real match wins; an
// `error` result is remembered only if nothing was remembered before, and the chain goes on.
import type { BarcodePlugin, ChainResult, PluginContext, PluginScanResult } from './pluginTypes';

export function runPluginChain(
  sim: PluginContext & { readonly plugins: readonly BarcodePlugin[] },
  barcode: string,
  plugins: readonly BarcodePlugin[] = sim.plugins,
): ChainResult {
  let kept: { plugin: BarcodePlugin; result: PluginScanResult } | null = null;
  for (const plugin of plugins) {
    const result = plugin.scan(barcode, sim);
    if (result === null) continue;
    if ('error' in result) {
      kept ??= { plugin, result };
      continue;
    }
    return { plugin, result };
  }
  return kept ?? { plugin: null, result: {} };
}
