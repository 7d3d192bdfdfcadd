// What the hover card and the exchange panel build alike: elements whose text is set as text
// (never parsed as markup), and a signal's box with its name and sentence.
import type { Signal } from '../messages';
import { describeSignal, signalName } from '../words';

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Styles for signalBox, coloured by the kind of signal. */
export const SIGNAL_CSS = `
.signal { margin: 6px 0 0; padding: 6px; border-radius: 6px; background: #fee2e2; color: #7f1d1d; }
.signal.overheated, .signal.crowded-shorts { background: #fef3c7; color: #78350f; }
.signal.spot-led { background: #dcfce7; color: #14532d; }
.signal strong { display: block; font-size: 11px; text-transform: uppercase; }
`;

export function signalBox(doc: Document, signal: Signal): HTMLParagraphElement {
  const box = element(doc, 'p', undefined, `signal ${signal.id}`);
  box.dataset.signal = signal.id;
  box.append(
    element(doc, 'strong', signalName(signal.id)),
    doc.createTextNode(describeSignal(signal)),
  );
  return box;
}
