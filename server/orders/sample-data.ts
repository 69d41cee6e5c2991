// Plausible orders for seeding and for the ticker: varied customers, a priced catalogue, quantities that make
// most orders small and a few large, and statuses that follow an order's age.
import type { OrderStatus } from '../contract/orders.js';

export type Random = () => number;

const FIRST_NAMES = [
  'Ada', 'Alan', 'Amara', 'Ana', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dara', 'David', 'Elena', 'Emeka', 'Emma',
  'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jamal', 'Jana', 'Kai', 'Kenji', 'Lars', 'Leila', 'Liam',
  'Lucia', 'Mads', 'Maria', 'Mei', 'Mohammed', 'Nadia', 'Noah', 'Nora', 'Olga', 'Omar', 'Paula', 'Priya', 'Quinn',
  'Rafael', 'Rosa', 'Sam', 'Sara', 'Sofia', 'Tariq', 'Tomás', 'Uma', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe',
];
const LAST_NAMES = [
  'Adeyemi', 'Andersen', 'Bauer', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hansen',
  'Ito', 'Jensen', 'Kim', 'Kowalski', 'Larsen', 'Li', 'López', 'Martin', 'Meyer', 'Moreau', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', 'Olsen', 'Park', 'Patel', 'Petrov', 'Rossi', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Tanaka',
  'Varga', 'Wagner', 'Wang', 'Weber', 'Williams', 'Yilmaz', 'Zhang',
];
const COMPANIES = [
  'Acme Corp', 'Blue Harbor Café', 'Brightline Studio', 'Copper Kettle', 'Delta Logistics', 'Evergreen School',
  'Fjord Analytics', 'Granite Works', 'Harbor Books', 'Juniper Dental', 'Kestrel Labs', 'Lumen Architects',
  'Maple & Co', 'Northwind Traders', 'Orbit Bikes', 'Pine Street Bakery', 'Quarry Fitness', 'Riverside Clinic',
  'Saffron Kitchen', 'Tidewater Hotel', 'Union Print Shop', 'Vantage Media', 'Willow Florist', 'Zenith Robotics',
];

/** [name, unit price in cents] */
const CATALOGUE: readonly (readonly [string, number])[] = [
  ['USB-C cable', 1299], ['Wireless mouse', 2999], ['Mechanical keyboard', 11900], ['27" monitor', 32900],
  ['Laptop stand', 4500], ['Noise-cancelling headphones', 24900], ['Webcam', 7900], ['Desk lamp', 3900],
  ['Office chair', 28900], ['Standing desk', 54900], ['Notebook (A5, dotted)', 1450], ['Fountain pen', 6800],
  ['Coffee beans 1 kg', 2890], ['Espresso machine', 69900], ['Water bottle', 2400], ['Backpack', 8900],
  ['Running shoes', 12900], ['Yoga mat', 3500], ['Bike helmet', 5900], ['Phone case', 1990],
  ['Portable SSD 1 TB', 10900], ['Router', 15900], ['Smart plug', 1790], ['Printer paper (box)', 4290],
  ['Toner cartridge', 8900], ['Whiteboard', 11500], ['Plant pot', 2200], ['Tea sampler', 3100],
  ['Gift card', 5000], ['Conference ticket', 49900], ['Cloud credits', 25000], ['Support plan (year)', 120000],
];

export const DAY_MS = 24 * 60 * 60 * 1000;

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)]!;
}

export function sampleCustomer(random: Random): string {
  if (random() < 0.2) return pick(COMPANIES, random);
  return `${pick(FIRST_NAMES, random)} ${pick(LAST_NAMES, random)}`;
}

/** An item and an amount: mostly one or two units, now and then a bulk order, prices jittered ±10 %. */
export function sampleLine(random: Random): { item: string; amount_cents: number } {
  const [item, price] = pick(CATALOGUE, random);
  const r = random();
  const quantity = r < 0.7 ? 1 : r < 0.9 ? 2 : r < 0.98 ? 3 + Math.floor(random() * 5) : 10 + Math.floor(random() * 40);
  const jitter = 0.9 + random() * 0.2;
  return { item, amount_cents: Math.max(1, Math.round(price * quantity * jitter)) };
}

/** A status for an order this old, and how many updates it took to get there (its version is that plus one). */
export function statusForAge(ageMs: number, random: Random): { status: OrderStatus; updates: number } {
  const r = random();
  if (ageMs < DAY_MS) {
    if (r < 0.55) return { status: 'pending', updates: 0 };
    if (r < 0.9) return { status: 'paid', updates: 1 };
    return { status: 'cancelled', updates: 1 };
  }
  if (ageMs < 7 * DAY_MS) {
    if (r < 0.08) return { status: 'pending', updates: 0 };
    if (r < 0.4) return { status: 'paid', updates: 1 };
    if (r < 0.9) return { status: 'shipped', updates: 2 };
    if (r < 0.96) return { status: 'cancelled', updates: 1 };
    return { status: 'refunded', updates: 2 };
  }
  if (r < 0.01) return { status: 'pending', updates: 0 };
  if (r < 0.04) return { status: 'paid', updates: 1 };
  if (r < 0.86) return { status: 'shipped', updates: 2 };
  if (r < 0.93) return { status: 'cancelled', updates: 1 };
  return { status: 'refunded', updates: 3 };
}

/** The status the ticker moves an open order to: most orders get paid and shipped, some do not. */
export function nextStatus(status: OrderStatus, random: Random): OrderStatus | undefined {
  if (status === 'pending') return random() < 0.85 ? 'paid' : 'cancelled';
  if (status === 'paid') return random() < 0.9 ? 'shipped' : 'refunded';
  return undefined;
}

/** A small deterministic generator (mulberry32), so a seed can be reproduced. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
