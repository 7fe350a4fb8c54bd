#!/usr/bin/env node
// The `marque` command. TypeScript runs through tsx's loader in the same process (one PID,
// so signals reach the server directly).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
