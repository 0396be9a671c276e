import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../core/config.ts';
import { SESSION_COOKIE, SESSION_TTL_MS } from './docs.ts';

/** Secure everywhere but local and test runs, which are served over plain http on loopback. */
function secure(config: Config): boolean {
  return config.env !== 'local' && config.env !== 'test';
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, config: Config, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: secure(config),
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(config), httpOnly: true });
}
