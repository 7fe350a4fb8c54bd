import { Box, type BoxProps, Title } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import classes from './Card.module.css';

export interface CardProps extends BoxProps, Omit<ComponentPropsWithoutRef<'section'>, keyof BoxProps> {
  children: ReactNode;
  component?: 'section' | 'article' | 'div';
}

/** White surface with a hairline border; compose with `Card.Section` blocks separated by rules. */
export function Card({ children, className, component = 'div', ...props }: CardProps) {
  return (
    <Box component={component} className={[classes.card, className].filter(Boolean).join(' ')} {...props}>
      {children}
    </Box>
  );
}

export interface CardSectionProps extends BoxProps, Omit<ComponentPropsWithoutRef<'div'>, keyof BoxProps> {
  children: ReactNode;
  /** A quieter background, to set content visibly apart (the vehicle from the money, say). */
  muted?: boolean;
}

function CardSection({ children, muted, className, ...props }: CardSectionProps) {
  return (
    <Box
      className={[classes.section, muted ? classes.muted : undefined, className].filter(Boolean).join(' ')}
      {...props}
    >
      {children}
    </Box>
  );
}

export interface CardTitleProps {
  children: ReactNode;
  order?: 2 | 3 | 4;
  id?: string;
}

function CardTitle({ children, order = 2, id }: CardTitleProps) {
  return (
    <Title order={order} id={id} className={classes.title}>
      {children}
    </Title>
  );
}

Card.Section = CardSection;
Card.Title = CardTitle;
