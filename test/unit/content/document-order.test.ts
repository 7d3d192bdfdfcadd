// Document order without compareDocumentPosition: siblings near and far, ancestors before their
// descendants, nodes in different trees in no order. The tree is made of plain objects.
import { describe, expect, it } from 'vitest';
import { compareInDocument, type TreeNode } from '../../../src/content/document-order';

interface Made extends TreeNode {
  name: string;
  parentNode: Made | null;
  nextSibling: Made | null;
}

function node(name: string, children: Made[] = []): Made {
  const made: Made = { name, parentNode: null, nextSibling: null };
  children.forEach((child, index) => {
    child.parentNode = made;
    child.nextSibling = children[index + 1] ?? null;
  });
  return made;
}

describe('compareInDocument', () => {
  const text1 = node('text1');
  const text500 = node('text500');
  const paragraphs = Array.from({ length: 1000 }, (_, index) =>
    index === 1 ? node('p1', [text1]) : index === 500 ? node('p500', [text500]) : node(`p${index}`),
  );
  const article = node('article', paragraphs);
  const body = node('body', [node('header'), article]);

  it('orders siblings and what is inside them, either way round', () => {
    const [first, second] = [paragraphs[3] as Made, paragraphs[4] as Made];
    expect(compareInDocument(first, second)).toBeLessThan(0);
    expect(compareInDocument(second, first)).toBeGreaterThan(0);
    expect(compareInDocument(text1, text500)).toBeLessThan(0);
    expect(compareInDocument(text500, text1)).toBeGreaterThan(0);
    expect(compareInDocument(paragraphs[999] as Made, text1)).toBeGreaterThan(0);
  });

  it('puts an ancestor before what it contains', () => {
    expect(compareInDocument(article, text500)).toBeLessThan(0);
    expect(compareInDocument(text500, body)).toBeGreaterThan(0);
    expect(compareInDocument(text1, text1)).toBe(0);
  });

  it('sorts a shuffled list into document order', () => {
    const shuffled = [text500, paragraphs[2] as Made, body, text1, paragraphs[999] as Made];
    expect(shuffled.sort(compareInDocument).map((made) => (made as Made).name)).toEqual([
      'body',
      'text1',
      'p2',
      'text500',
      'p999',
    ]);
  });

  it('gives no order to nodes of different trees', () => {
    expect(compareInDocument(node('detached'), text1)).toBe(0);
  });
});
