import type { ShopSettings } from '../../shared/catalog/settings.ts';
import { quoteShipping } from '../../shared/catalog/shipping.ts';
import { pick } from '../../shared/i18n/locale.ts';
import type { Fulfilment } from '../../shared/orders/order.ts';
import {
  cartLeadTimeDays,
  checkPickup,
  earliestDispatchDate,
  earliestPickupDate,
} from '../../shared/pricing/fulfilment-dates.ts';
import { AppError } from '../core/errors.ts';
import type { CheckoutBody } from './checkout-body.ts';

export interface PlannedFulfilment {
  fulfilment: Fulfilment;
  shipping: number;
}

function refuse(message: string, details?: unknown): AppError {
  return new AppError('fulfilment_unavailable', {
    message,
    hint: 'Choose another delivery option or date.',
    ...(details ? { details } : {}),
  });
}

/** Checks the chosen shipping or pickup method against the shop settings and prices it. */
export function planFulfilment(
  settings: ShopSettings,
  request: CheckoutBody['fulfilment'],
  cart: { subtotal: number; weightGrams: number; leadTimes: number[] },
  locale: 'es' | 'en',
  now: Date,
): PlannedFulfilment {
  const method = settings.shippingMethods.find((m) => m.id === request.methodId);
  if (!method) throw refuse(`There is no delivery option ${request.methodId}.`);
  const leadDays = cartLeadTimeDays(cart.leadTimes);
  const base = { methodId: method.id, methodName: pick(method.name, locale) };

  if (method.kind === 'pickup') {
    if (request.method !== 'pickup') throw refuse(`${method.id} is a pickup option.`);
    const problem = checkPickup(
      now,
      settings.timeZone,
      method,
      leadDays,
      request.pickupDate,
      request.pickupSlot,
    );
    if (problem) {
      const earliest = earliestPickupDate(now, settings.timeZone, method, leadDays);
      throw refuse(`The pickup date or time is not available (${problem}).`, {
        problem,
        earliest,
      });
    }
    return {
      shipping: method.price,
      fulfilment: {
        method: 'pickup',
        ...base,
        pickupDate: request.pickupDate!,
        pickupSlot: request.pickupSlot!,
        pickupAddress: method.address,
        ...(leadDays > 0
          ? { earliestDate: earliestPickupDate(now, settings.timeZone, method, leadDays)! }
          : {}),
      },
    };
  }

  if (request.method !== 'shipping') throw refuse(`${method.id} is a shipping option.`);
  if (!request.address) throw refuse('A shipping address is required.');
  const price = quoteShipping(method, {
    subtotal: cart.subtotal,
    weightGrams: cart.weightGrams,
    country: request.address.country,
  });
  if (price === undefined) {
    throw refuse(`${method.id} does not deliver this parcel to ${request.address.country}.`);
  }
  return {
    shipping: price,
    fulfilment: {
      method: 'shipping',
      ...base,
      address: request.address,
      ...(leadDays > 0
        ? { earliestDate: earliestDispatchDate(now, settings.timeZone, leadDays) }
        : {}),
    },
  };
}
