import type { PriceTable } from './prices.ts';
import type { Usage } from './usage.ts';

/** The resources each invocation holds: Kontá's functions run with 1 vCPU and 512 MiB. */
export interface InstanceShape {
  vcpu: number;
  memoryGib: number;
}

export const DEFAULT_SHAPE: InstanceShape = { vcpu: 1, memoryGib: 0.5 };

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  eur: number;
  eurWithFreeTier: number;
}

export interface CostProjection {
  /** The cloud bill, line by line. */
  lines: CostLine[];
  /** Email delivery on its own line: it is the mail provider's bill, not the cloud's. */
  email: CostLine;
  eurPerMonth: number;
  eurPerMonthWithFreeTier: number;
  emailEurPerMonth: number;
  /** Cloud plus email. */
  totalEurPerMonth: number;
  totalEurPerMonthWithFreeTier: number;
  pricesCheckedOn: string;
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Projects a month of usage to EUR, line by line, with and without the free tiers. "With free
 * tier" assumes the shop has the project's free quotas to itself, so it is a lower bound;
 * without them is what the shop adds once the quotas are used by others. Email is priced on
 * its own line and kept out of the cloud total.
 */
export function projectCost(
  usage: Usage,
  prices: PriceTable,
  shape: InstanceShape = DEFAULT_SHAPE,
): CostProjection {
  const eur = prices.eurPerUsd.rate;
  const fs = prices.firestore;
  const fn = prices.functions;
  const seconds = usage.computeMs / 1000;
  const line = (item: string, quantity: number, unit: string, unitUsd: number, free: number) => ({
    item,
    quantity: round(quantity, 3),
    unit,
    eur: round(quantity * unitUsd * eur),
    eurWithFreeTier: round(Math.max(0, quantity - free) * unitUsd * eur),
  });

  const lines: CostLine[] = [
    line(
      'firestore reads',
      usage.reads,
      'document',
      fs.readsPer100k / 1e5,
      fs.free.readsPerDay * 30,
    ),
    line(
      'firestore writes',
      usage.writes,
      'document',
      fs.writesPer100k / 1e5,
      fs.free.writesPerDay * 30,
    ),
    line(
      'firestore deletes',
      usage.deletes,
      'document',
      fs.deletesPer100k / 1e5,
      fs.free.deletesPerDay * 30,
    ),
    line(
      'function invocations',
      usage.invocations,
      'request',
      fn.perMillionRequests / 1e6,
      fn.free.requestsPerMonth,
    ),
    line(
      'function cpu',
      seconds * shape.vcpu,
      'vCPU-second',
      fn.perVcpuSecond,
      fn.free.vcpuSecondsPerMonth,
    ),
    line(
      'function memory',
      seconds * shape.memoryGib,
      'GiB-second',
      fn.perGibSecond,
      fn.free.gibSecondsPerMonth,
    ),
    line(
      'hosting transfer',
      usage.hostingBytes / 1e9,
      'GB',
      prices.hosting.perGbTransferred,
      (prices.hosting.free.mbPerDay * 30) / 1000,
    ),
  ];
  const email = line(
    'email delivery',
    usage.emails,
    'message',
    prices.email.per1000 / 1000,
    prices.email.free.perMonth,
  );

  const sum = (key: 'eur' | 'eurWithFreeTier') => round(lines.reduce((n, l) => n + l[key], 0));
  return {
    lines,
    email,
    eurPerMonth: sum('eur'),
    eurPerMonthWithFreeTier: sum('eurWithFreeTier'),
    emailEurPerMonth: email.eur,
    totalEurPerMonth: round(sum('eur') + email.eur),
    totalEurPerMonthWithFreeTier: round(sum('eurWithFreeTier') + email.eurWithFreeTier),
    pricesCheckedOn: prices.checkedOn,
  };
}
