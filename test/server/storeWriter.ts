// A child process for the kill test: adds annotations to a store one by one, through the same code
// the server uses, and prints "ack <id>" after each write has returned.
import { AnnotationFiles } from '../../src/server/annotationFiles.js';
import { targetOf, type Annotation } from '../../src/core/index.js';

async function main(): Promise<void> {
  const root = process.argv[2];
  const files = new AnnotationFiles();
  const text = 'Talks with Karim Sadiqi ended in Herat. '.repeat(50);
  for (let k = 0; ; k++) {
    const id = `k${process.pid}-${k}`;
    const start = (k * 7) % (text.length - 20);
    const annotation: Annotation = { id, document: 'a.txt', kind: 'entity', type: 'PERSON', entity: null, target: targetOf(text, start, start + 12), source: 'user', created: new Date().toISOString() };
    await files.change(root, (list) => [...list, annotation]);
    process.stdout.write(`ack ${id}\n`);
  }
}

void main();
