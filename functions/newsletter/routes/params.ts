import type { Context } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../../http/types.ts';
import { SHOP_ID } from '../keys.ts';

export function shopIdOf(c: Context<AppEnv>): string {
  const shopId = c.req.param('shopId') ?? '';
  if (!SHOP_ID.test(shopId) || shopId.length > 120) throw new AppError('not_found');
  return shopId;
}

/** The first hop of X-Forwarded-For, as set by Firebase Hosting / the load balancer. */
export function clientIp(c: Context<AppEnv>): string | null {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded && forwarded.length <= 64 ? forwarded : null;
}
