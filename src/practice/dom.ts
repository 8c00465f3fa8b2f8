/** Small DOM helpers shared by the practice scripts. */

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * One labelled checkbox per item of a part's `<Options>` list, carrying the option's own text and
 * its id ("(iii) …" → value "iii"). The plain list is hidden on screen (the labels repeat it) but
 * kept for print.
 */
export function optionCheckboxes(section: HTMLElement, legend: string): HTMLFieldSetElement | null {
  const options = section.querySelector<HTMLElement>('.options');
  const items = [...(options?.querySelectorAll<HTMLElement>(':scope > ul > li') ?? [])];
  if (!options || items.length === 0) return null;
  const set = element('fieldset', { className: 'practice-choices' }, element('legend', {}, legend));
  for (const item of items) {
    const text = item.textContent.trim();
    const end = text.indexOf(')');
    if (!text.startsWith('(') || end < 2) continue;
    const label = element('span');
    label.append(...[...item.childNodes].map((node) => node.cloneNode(true)));
    set.append(element('label', {}, element('input', { type: 'checkbox', value: text.slice(1, end) }), ' ', label));
  }
  options.dataset['practising'] = '';
  options.after(set);
  return set;
}
