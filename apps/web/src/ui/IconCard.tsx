import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Card } from './Card.tsx';

export interface IconCardProps {
  /** Decorative icon beside the title. */
  icon: ReactNode;
  title: ReactNode;
  /** Id of the title, which names the card's section. */
  titleId: string;
  children: ReactNode;
  /** A link or button, at the end on wide screens and below on phones. */
  action?: ReactNode;
}

/** A small section card: icon, title, a line of text and an optional action (help, shortcuts). */
export function IconCard({ icon, title, titleId, children, action }: IconCardProps) {
  return (
    <Card component="section" aria-labelledby={titleId}>
      <Card.Section>
        <Group justify="space-between" align="center" gap="md">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <Text component="span" c="brand.7" mt={2}>
              {icon}
            </Text>
            <div>
              <Card.Title order={2} id={titleId}>
                <Text component="span" fw={650} size="md">
                  {title}
                </Text>
              </Card.Title>
              <Text size="sm" c="dimmed" mt={4}>
                {children}
              </Text>
            </div>
          </Group>
          {action}
        </Group>
      </Card.Section>
    </Card>
  );
}
