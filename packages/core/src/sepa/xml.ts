/** Minimal XML writing for SEPA files: escaped text, nested elements, no pretty-printing surprises. */
export type XmlNode = {
  name: string;
  attrs?: Record<string, string>;
  children?: (XmlNode | null)[];
  text?: string;
};

export function el(
  name: string,
  content?: string | (XmlNode | null)[],
  attrs?: Record<string, string>,
): XmlNode {
  return typeof content === "string"
    ? { name, text: content, attrs }
    : { name, children: content ?? [], attrs };
}

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** SEPA allows a restricted Latin character set; anything else becomes a space. */
export function sepaText(text: string, max: number): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .slice(0, max)
    .trim();
}

export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}

function render(node: XmlNode, depth: number): string {
  const pad = "  ".repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  if (node.text !== undefined) return `${pad}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`;
  const children = (node.children ?? []).filter((c): c is XmlNode => c !== null);
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  return `${pad}<${node.name}${attrs}>\n${children.map((c) => render(c, depth + 1)).join("\n")}\n${pad}</${node.name}>`;
}
