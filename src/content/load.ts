import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';

/** A path into parsed YAML, as zod reports it: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** One YAML file read with its node positions, so every problem can name `file:line`. Build-time only. */
export class YamlFile {
  readonly rel: string;
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(path: string, root: string) {
    this.rel = relative(root, path).split('\\').join('/');
    // uniqueKeys (the default) turns a repeated key, like two `answer:` lines, into a syntax error.
    this.doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: this.lines, prettyErrors: true });
  }

  /** Syntax errors as `file:line: message`; a file with any has no usable data. */
  syntaxErrors(): string[] {
    return this.doc.errors.map((e) => {
      const line = e.linePos?.[0].line ?? 1;
      const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return `${this.rel}:${line}: YAML syntax: ${message}`;
    });
  }

  data(): unknown {
    return this.doc.toJS();
  }

  /**
   * The line of the node at `path`, or of its nearest existing ancestor when the node is missing
   * (a missing field is reported on its question). A map entry reports its key's line, so
   * `explanation:` rather than the first line inside it.
   */
  line(path: YamlPath): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const offset = this.offsetOf(path.slice(0, depth));
      if (offset !== undefined) return this.lines.linePos(offset).line;
    }
    return 1;
  }

  /** True for a `{ id: a, text: ... }` mapping, where an unquoted comma ends the value early. */
  isFlowMap(path: YamlPath): boolean {
    const node: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    return isMap(node) && node.flow === true;
  }

  private offsetOf(path: YamlPath): number | undefined {
    if (path.length === 0) return isNode(this.doc.contents) ? this.doc.contents.range?.[0] : undefined;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(last));
      if (!pair) return undefined;
      if (isNode(pair.key)) return pair.key.range?.[0];
    }
    const node: unknown = this.doc.getIn(path, true);
    return isNode(node) ? node.range?.[0] : undefined;
  }
}
