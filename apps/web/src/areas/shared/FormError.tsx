import { Alert } from '@mantine/core';
import { IconAlertCircle } from '../../ui/index.ts';

/** Why a form could not be sent, when it is not about one field: above the form, read out at once. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert">
      {message}
    </Alert>
  );
}
