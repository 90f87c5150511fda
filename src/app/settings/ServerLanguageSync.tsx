/**
 * Tells src/i18n the signed-in InvenTree user's language (server mode). API v291 has none; from
 * API 318 on, /api/user/me/ carries `profile.language` (e.g. "de", "zh-hans"), which applies
 * unless a language is picked in Settings.
 */
import { useEffect } from 'react';
import { useConnection } from '../../connection/useConnection.ts';
import { setServerLanguage } from '../../i18n/i18n.ts';

/** `profile` is not in the v291 schema's MeUser: read it defensively. */
export function profileLanguage(user: unknown): string | null {
  const profile = (user as { profile?: unknown } | null)?.profile;
  const language = (profile as { language?: unknown } | null | undefined)?.language;
  return typeof language === 'string' && language ? language : null;
}

export function ServerLanguageSync(): null {
  const { mode, user } = useConnection();
  const language = mode === 'server' ? profileLanguage(user) : null;
  useEffect(() => {
    void setServerLanguage(language);
  }, [language]);
  return null;
}
