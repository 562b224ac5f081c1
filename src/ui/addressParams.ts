// Widget settings in the address. The hash route carries a query string
// (`#/en/lesson/padding?output-size.n=7&output-size.s=2&slide=3`); each widget on the page
// owns the keys that start with its instance name and a dot. The first widget of a kind is
// named after it (`output-size`), a second one `output-size~2`; a widget shown alone (an
// embed) owns the bare keys (`#/en/embed/output-size?n=7`).
// Only settings go there (numbers, names, switches, short lists), never pictures or weights.
// Reading is forgiving: a value that does not decode or does not validate falls back to the
// lesson's value and is reported by name, so an old or hand-edited link never breaks a page.

/** What a widget's validate() returns (structurally the same as widgets/types Validation). */
export type Checked<P> = { ok: true; params: P } | { ok: false; errors: string[] };

/** Split a hash into its route part and its query. */
export function splitHash(hash: string): { path: string; query: URLSearchParams } {
  const q = hash.indexOf('?');
  return { path: q < 0 ? hash : hash.slice(0, q), query: new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)) };
}

function keyOf(instance: string, name: string): string {
  return instance ? `${instance}.${name}` : name;
}

/** The raw text values in the address for one widget instance. */
export function readInstance(hash: string, instance: string): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = instance ? `${instance}.` : '';
  for (const [k, v] of splitHash(hash).query) {
    if (prefix ? k.startsWith(prefix) : !k.includes('.') && k !== 'slide') out[k.slice(prefix.length)] = v;
  }
  return out;
}

/** A setting as address text: numbers as written, switches as true/false, lists comma-joined. */
export function encodeValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.join(',');
  return JSON.stringify(v);
}

/**
 * Address text back to a value, guided by the lesson's value for that setting (its type):
 * candidates are tried in order and the first one the widget accepts wins.
 */
export function decodeCandidates(text: string, like: unknown): unknown[] {
  const out: unknown[] = [];
  const num = text.trim() === '' ? NaN : Number(text);
  if (typeof like === 'number' && Number.isFinite(num)) out.push(num);
  if (typeof like === 'boolean' && (text === 'true' || text === 'false')) out.push(text === 'true');
  if (Array.isArray(like)) {
    const xs = text === '' ? [] : text.split(',').map(Number);
    if (xs.every(Number.isFinite)) out.push(xs);
  }
  if (typeof like === 'string') out.push(text);
  // A setting that may be a number or a name (padding: 2 or 'same'), or one the lesson left out.
  if (Number.isFinite(num)) out.push(num);
  if (text === 'true' || text === 'false') out.push(text === 'true');
  if (/^[[{]/.test(text)) {
    try {
      out.push(JSON.parse(text));
    } catch {
      // not JSON: falls through to the plain text
    }
  }
  out.push(text);
  return out;
}

/**
 * The lesson's params with the address's settings on top. Each setting is checked on its own
 * (over the lesson's params), then all together; whatever fails is dropped and named.
 */
export function paramsFromAddress<P>(
  validate: (raw: unknown) => Checked<P>,
  lessonRaw: unknown,
  fromAddress: Record<string, string>,
): { params: Checked<P>; rejected: string[] } {
  const base = lessonRaw && typeof lessonRaw === 'object' && !Array.isArray(lessonRaw) ? (lessonRaw as Record<string, unknown>) : {};
  const start = validate(lessonRaw);
  if (!start.ok) return { params: start, rejected: [] };
  const effective = start.params as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  const rejected: string[] = [];
  for (const [name, text] of Object.entries(fromAddress)) {
    const hit = decodeCandidates(text, effective[name]).find((v) => validate({ ...base, [name]: v }).ok);
    if (hit === undefined) rejected.push(name);
    else merged[name] = hit;
  }
  const all = validate(merged);
  if (all.ok) return { params: all, rejected };
  // Accepted one by one but not together (a cross-field rule): keep the lesson's settings.
  return { params: start, rejected: Object.keys(fromAddress) };
}

/** The hash with one instance's setting set (text) or removed (null); everything else kept. */
export function hashWithParam(hash: string, instance: string, name: string, text: string | null): string {
  const { path, query } = splitHash(hash);
  const key = keyOf(instance, name);
  if (text === null) query.delete(key);
  else query.set(key, text);
  const rest = query.toString();
  return rest ? `${path}?${rest}` : path;
}

/**
 * One widget's whole setting as a query of bare keys, for its embed address: the lesson's own
 * params (which the address leaves out when unchanged) with the address's settings on top.
 */
export function embedQuery(hash: string, instance: string, lessonRaw: unknown): string {
  const q = new URLSearchParams();
  if (lessonRaw && typeof lessonRaw === 'object' && !Array.isArray(lessonRaw)) {
    for (const [k, v] of Object.entries(lessonRaw)) q.set(k, encodeValue(v));
  }
  for (const [k, v] of Object.entries(readInstance(hash, instance))) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}
