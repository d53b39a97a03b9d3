// DEVELOPMENT ONLY. Just enough TOML to read the shipped protocol and risk
// checklist in the mock backend: comments, `key = "string" | number | bool |
// ["array", "of", "strings"]` (arrays may span lines) and `[[arrays.of.tables]]`.
// The real parser is the backend's.

type Table = Record<string, unknown>;

function parseValue(raw: string, line: number): unknown {
  const s = raw.trim();
  if (s.startsWith('"')) return parseString(s, line).value;
  if (s.startsWith('[')) {
    const out: unknown[] = [];
    let rest = s.slice(1).trim();
    while (rest && !rest.startsWith(']')) {
      if (rest.startsWith('"')) {
        const { value, end } = parseString(rest, line);
        out.push(value);
        rest = rest.slice(end).trim();
      } else {
        const m = /^[^,\]]+/.exec(rest);
        if (!m) throw new Error(`line ${line}: bad array`);
        out.push(parseValue(m[0], line));
        rest = rest.slice(m[0].length).trim();
      }
      if (rest.startsWith(',')) rest = rest.slice(1).trim();
    }
    return out;
  }
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
  throw new Error(`line ${line}: cannot read value ${s}`);
}

function parseString(s: string, line: number): { value: string; end: number } {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') return { value: out, end: i + 1 };
    if (c === '\\') {
      const n = s[++i];
      if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else if (n === 'u') {
        out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += n ?? '';
    } else out += c;
  }
  throw new Error(`line ${line}: unterminated string`);
}

/** Strip a comment that is not inside a string. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && inString) i++;
    else if (c === '"') inString = !inString;
    else if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

function bracketDepth(s: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && inString) i++;
    else if (c === '"') inString = !inString;
    else if (!inString && c === '[') depth++;
    else if (!inString && c === ']') depth--;
  }
  return depth;
}

export function parseMiniToml(text: string): Table {
  const root: Table = {};
  let current: Table = root;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = stripComment(lines[n]!).trim();
    if (!line) continue;
    const header = /^\[\[([A-Za-z0-9_.-]+)\]\]$/.exec(line);
    if (header) {
      const path = header[1]!.split('.');
      let parent: Table = root;
      for (const key of path.slice(0, -1)) {
        const list = parent[key] as Table[] | undefined;
        if (!list || list.length === 0) throw new Error(`line ${n + 1}: [[${header[1]}]] before its parent`);
        parent = list[list.length - 1]!;
      }
      const last = path[path.length - 1]!;
      const list = (parent[last] as Table[] | undefined) ?? [];
      parent[last] = list;
      current = {};
      list.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`line ${n + 1}: expected key = value`);
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1);
    const start = n;
    while (bracketDepth(value) > 0 && n + 1 < lines.length) value += ` ${stripComment(lines[++n]!).trim()}`;
    current[key] = parseValue(value, start + 1);
    line = '';
  }
  return root;
}
