// Lines of corpus documents, to show a mention in its context in the Entities view. Read from the
// open editor when there is one, else from disk (UTF-8), once per refresh of the view.
import * as vscode from 'vscode';

export class DocumentLines {
  private readonly cache = new Map<string, Promise<string[]>>();

  /** The line's text, or '' when the document cannot be read. */
  async line(uri: string, line: number): Promise<string> {
    return (await this.lines(uri))[line] ?? '';
  }

  clear(): void {
    this.cache.clear();
  }

  private lines(uri: string): Promise<string[]> {
    let lines = this.cache.get(uri);
    if (!lines) {
      lines = read(uri).then((text) => text.split(/\r\n|\r|\n/), () => []);
      this.cache.set(uri, lines);
    }
    return lines;
  }
}

async function read(uri: string): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (open) return open.getText();
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  // The server's offsets are after a byte-order mark is dropped, and so are its lines.
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
