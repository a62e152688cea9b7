// The shipped name model for the harness, read from models/names.model in the checkout.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadNameModel, type NameModel } from '../src/core/entities/model/index.js';

export function loadShippedModel(root: string, file = path.join(root, 'models', 'names.model')): NameModel | { error: string } {
  if (!existsSync(file)) return { error: `no ${path.relative(root, file)} (npm run train writes it)` };
  return loadNameModel(readFileSync(file));
}
