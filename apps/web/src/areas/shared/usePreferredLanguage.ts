import type { Me } from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { communication, communicationKeys, queryKeys } from '../../api/index.ts';
import { currentLanguage, type Language, setLanguage } from '../../i18n/index.ts';

/**
 * The customer's language lives on the server (letters, statements and e-mails use it). On
 * sign-in the portal adopts it, once per signed-in user, so a later switch in this tab is not
 * undone by a refetch of /me; a switch in the header is saved back. Staff have none. Someone
 * who has just registered keeps the language they registered in, and it becomes the stored one.
 */
export function usePreferredLanguage(
  me: Me | undefined,
  pathname: string,
): ((language: Language) => void) | undefined {
  const client = useQueryClient();
  const adoptedFor = useRef<string | null>(null);
  const stored = me?.customer?.preferredLanguage;
  const userId = me?.user.id ?? null;

  const save = useCallback(
    (language: Language) => {
      client.setQueryData<Me>(queryKeys.me, (old) =>
        old?.customer ? { ...old, customer: { ...old.customer, preferredLanguage: language } } : old,
      );
      // Best effort: the portal has switched already; the settings page shows what the server keeps.
      communication
        .saveLanguage(language)
        .then((saved) => client.setQueryData(communicationKeys.customer, saved))
        .catch(() => void client.invalidateQueries({ queryKey: communicationKeys.customer }));
    },
    [client],
  );
  useEffect(() => {
    if (userId === null) {
      adoptedFor.current = null; // signed out: the next sign-in adopts again
      return;
    }
    if (!stored || adoptedFor.current === userId) return;
    adoptedFor.current = userId;
    const current = currentLanguage();
    if (stored === current) return;
    if (pathname.startsWith('/register')) save(current);
    else void setLanguage(stored);
  }, [userId, stored, pathname, save]);

  return me?.customer ? save : undefined;
}
