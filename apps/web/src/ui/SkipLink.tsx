import type { MouseEvent } from 'react';
import classes from './SkipLink.module.css';

/** First focusable element of every page: jumps past the header to `<main id={targetId}>`. */
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
  return (
    <a href={`#${targetId}`} className={classes.link} onClick={onClick}>
      {children}
    </a>
  );
}
