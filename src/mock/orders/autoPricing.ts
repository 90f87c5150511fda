// v291's auto pricing of a purchase order line (PurchaseOrderLineItemList.create → line.update_pricing
// → SupplierPart.get_price, common/currency.py): the unit price from the supplier part's price breaks.
import type { Dataset } from '../dataset';
import type { Simulation } from '../simulation';

interface PriceBreakRow {
  pk: number;
  part: number;
  quantity: number;
  price: string | null;
  price_currency: string;
}

const indexes = new WeakMap<Dataset, Map<number, PriceBreakRow[]>>();

/** `SupplierPart.price_breaks`: the part's breaks ordered by quantity (unique per part). */
export function priceBreaksOf(sim: Simulation, supplierPartPk: number): PriceBreakRow[] {
  let index = indexes.get(sim.dataset);
  if (!index) {
    index = new Map();
    for (const row of (sim.dataset.supplierPriceBreaks?.results ?? []) as unknown as PriceBreakRow[]) {
      const list = index.get(row.part) ?? [];
      list.push(row);
      index.set(row.part, list);
    }
    for (const list of index.values()) list.sort((a, b) => a.quantity - b.quantity);
    indexes.set(sim.dataset, index);
  }
  return index.get(supplierPartPk) ?? [];
}

// Fixed-point decimals as BigInt: prices have 6 places, quantities 5 (the model fields).
const PRICE_SCALE = 1_000_000n;
const QUANTITY_SCALE = 100_000n;

function toScaled(text: string, scale: bigint, places: number): bigint {
  const [whole = '', frac = ''] = text.replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  const digits =
    BigInt(whole.replace('-', '') || '0') * scale + BigInt((frac + '0'.repeat(places)).slice(0, places) || '0');
  return negative ? -digits : digits;
}

/** n / d rounded half-even (Decimal's default context rounding, as DRF's quantize uses it). */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n !== 0n)) return q + 1n;
  return q;
}

function formatPrice(scaled: bigint): string {
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  return `${sign}${abs / PRICE_SCALE}.${(abs % PRICE_SCALE).toString().padStart(6, '0')}`;
}

/**
 * The `purchase_price` v291 gives a new line (6 places), or null when the supplier part has no
 * price breaks. get_price: with a whole quantity, round it up to the part's order `multiple`;
 * take the break with the largest quantity not above it, else the smallest break; cost = break
 * price × quantity + `base_cost`; unit price = cost / line quantity.
 *
 * Currency: `convert_to(line currency)`. The recorded server has no exchange rates, so
 * convert_money raises MissingRate and the break's amount is used unconverted (an LCSC break of
 * CNY 0.4916 priced a USD line at "0.491600"). `multiple` (1) and `base_cost` (0) are the model
 * defaults: v291's supplier part API rows do not carry them, and the demo data keeps the defaults.
 */
export function autoPurchasePrice(
  sim: Simulation,
  supplierPartPk: number,
  quantity: number,
  multiple = 1,
  baseCost = '0',
): string | null {
  const breaks = priceBreaksOf(sim, supplierPartPk).filter((pb) => pb.price !== null);
  const [first] = breaks;
  if (first === undefined || quantity === 0) return null;
  const lineQuantity = toScaled(quantity.toFixed(5), QUANTITY_SCALE, 5);
  let priceQuantity = lineQuantity;
  if (lineQuantity % QUANTITY_SCALE === 0n) {
    const m = BigInt(multiple);
    const whole = lineQuantity / QUANTITY_SCALE;
    priceQuantity = ((whole + m - 1n) / m) * m * QUANTITY_SCALE;
  }
  let chosen = first;
  for (const pb of breaks) if (toScaled(pb.quantity.toFixed(5), QUANTITY_SCALE, 5) <= priceQuantity) chosen = pb;
  const unit = toScaled(chosen.price as string, PRICE_SCALE, 6);
  // cost in units of 1e-11, base cost added at the same scale, then divided by the line quantity.
  const cost = unit * priceQuantity + toScaled(baseCost, PRICE_SCALE, 6) * QUANTITY_SCALE;
  return formatPrice(divideHalfEven(cost, lineQuantity));
}
