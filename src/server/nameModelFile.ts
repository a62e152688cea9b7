// The shipped name model, read from models/ beside the bundle (dist/../models/names.model), or
// from $CORPUS_LENS_NAME_MODEL. Installed once per thread: the server's and each analysis worker's.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { installNameModel } from '../core/entities/model/index.js';

export function installShippedNameModel(): { ok: boolean; message: string } {
  const file = process.env.CORPUS_LENS_NAME_MODEL ?? path.resolve(__dirname, '..', 'models', 'names.model');
  return installNameModel(() => readFileSync(file), file);
}
