// Keeping the keyboard where the user is: after an action redraws a list (a row moved, left or
// joined it), the first of the given places that exists gets the focus, so it is not dropped on
// the page's body.

/** A coin's row in one of the popup's tables (`pinned`, `largest`). */
export const rowOf = (table: string, coin: string) =>
  `[data-testid="${table}"] tr[data-coin="${CSS.escape(coin)}"]`;

/** The pin or unpin button of a coin's row. */
export const buttonOf = (table: string, coin: string) => `${rowOf(table, coin)} button`;

export const PIN_SEARCH = '#pin-search-input';

/**
 * Focuses the first selector that matches, once the popup has drawn its new state; unless the
 * user has already put the focus somewhere else meanwhile (a fast keyboard is not overruled).
 */
export function focusFirst(selectors: readonly string[]) {
  const before = document.activeElement;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now && now !== before && now !== document.body) return;
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        element.focus();
        return;
      }
    }
  });
}
