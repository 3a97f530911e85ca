import { FIELD_LABELS, reasonInFrench } from '../api/errors-fr';

/**
 * Errors where the user looks, for every page: when the API refuses fields (400/422 with `details[].field`), each
 * message goes beside its field in French, the first refused field is scrolled to and focused. Pages that show the
 * error themselves (react-aria `validationErrors`, an `errorMessage`) are left alone: a field already marked invalid
 * once React has rendered gets nothing more. A placed message goes as soon as the user changes the field.
 *
 * The form is the one the user last submitted or clicked in; a field is found by its `name`, a `data-field`
 * attribute, or its label (the catalogue's French name of the field).
 */

const PLACED = 'data-api-error';
let lastForm: { form: Element; at: number } | null = null;

function remember(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const form = target?.closest('form, [role="form"], section, .card');
  if (form) lastForm = { form, at: Date.now() };
}

if (typeof document !== 'undefined') {
  document.addEventListener('submit', remember, true);
  document.addEventListener('pointerdown', remember, true);
  document.addEventListener('keydown', (event) => event.key === 'Enter' && remember(event), true);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLElement;

const clean = (text: string | null | undefined): string =>
  (text ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The control of a field in a root: by name, data-field, then by label. */
function findControl(root: ParentNode, field: string): Control | null {
  const top = field.split('.')[0];
  for (const name of [field, top]) {
    const byName = root.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]:not([type="hidden"])`);
    if (byName) return byName;
    const byData = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (byData)
      return byData.matches('input, textarea, select, button')
        ? byData
        : (byData.querySelector('input, textarea, select, button') ?? byData);
  }
  const label = FIELD_LABELS[top];
  if (!label) return null;
  const wanted = clean(label);
  for (const element of root.querySelectorAll('label')) {
    const text = clean(element.textContent);
    if (text !== wanted && !text.startsWith(`${wanted} (`)) continue;
    if (element.control) return element.control;
    const field = element.closest('.field');
    const control = field?.querySelector<HTMLElement>('input, textarea, select, button');
    if (control) return control;
  }
  return null;
}

/** Is the field already shown in error by the page itself? */
function shownByPage(control: Control): boolean {
  const field = control.closest('.field');
  if (control.getAttribute('aria-invalid') === 'true' && !control.hasAttribute(PLACED)) return true;
  return !!field && (field.hasAttribute('data-invalid') || !!field.querySelector(`.field-error:not([${PLACED}])`));
}

function clearPlaced(root: ParentNode): void {
  for (const element of root.querySelectorAll(`[${PLACED}]`)) {
    if (element.classList.contains('field-error')) element.remove();
    else {
      element.removeAttribute(PLACED);
      element.removeAttribute('aria-invalid');
      const describedBy = (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((id) => id && !id.startsWith('api-error-'));
      if (describedBy.length > 0) element.setAttribute('aria-describedby', describedBy.join(' '));
      else element.removeAttribute('aria-describedby');
    }
  }
}

let counter = 0;

/** Places each detail beside its field (after React has rendered the page's own handling of the error). */
export function placeFieldErrors(details: ReadonlyArray<{ field: string; reason: string }>): void {
  if (typeof document === 'undefined') return;
  const recent = lastForm && Date.now() - lastForm.at < 60_000 && lastForm.form.isConnected ? lastForm.form : null;
  // Two frames: the page's catch has set its state and React has drawn it.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const roots: ParentNode[] = recent ? [recent, document] : [document];
      for (const root of roots) clearPlaced(root);
      const byControl = new Map<Control, string[]>();
      for (const detail of details) {
        const control = roots.map((root) => findControl(root, detail.field)).find(Boolean);
        if (!control || shownByPage(control)) continue;
        byControl.set(control, [...(byControl.get(control) ?? []), reasonInFrench(detail.reason)]);
      }
      let first: Control | null = null;
      for (const [control, reasons] of byControl) {
        const id = `api-error-${++counter}`;
        const message = document.createElement('span');
        message.id = id;
        message.className = 'field-error';
        message.setAttribute(PLACED, '');
        message.textContent = [...new Set(reasons)].join(' ; ');
        const container = control.closest('.field') ?? control.parentElement;
        container?.appendChild(message);
        control.setAttribute(PLACED, '');
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
        const forget = () => {
          message.remove();
          control.removeAttribute(PLACED);
          control.removeAttribute('aria-invalid');
          control.removeEventListener('input', forget);
        };
        control.addEventListener('input', forget);
        first ??= control;
      }
      if (first) {
        first.scrollIntoView({ block: 'center' });
        first.focus({ preventScroll: true });
      }
    }),
  );
}
