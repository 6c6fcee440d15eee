/**
 * An in-widget confirmation (a modal <dialog> in the widget's shadow root, so it is themed like the widget,
 * traps focus and closes on Escape). Resolves true when confirmed.
 */
export function confirmIn(root: Node, message: string, okLabel: string, cancelLabel: string): Promise<boolean> {
  const d = document.createElement('dialog');
  d.setAttribute('part', 'dialog confirm-dialog');
  d.setAttribute('role', 'alertdialog');
  const form = document.createElement('form');
  form.method = 'dialog';
  form.className = 'dialog-body';
  const p = document.createElement('p');
  p.textContent = message;
  p.id = 'ais-confirm-msg';
  d.setAttribute('aria-describedby', p.id);
  const actions = document.createElement('div');
  actions.className = 'dialog-actions';
  const cancel = document.createElement('button');
  cancel.value = 'cancel';
  cancel.textContent = cancelLabel;
  const ok = document.createElement('button');
  ok.value = 'ok';
  ok.className = 'primary';
  ok.textContent = okLabel;
  actions.append(cancel, ok);
  form.append(p, actions);
  d.append(form);
  root.appendChild(d);
  d.showModal();
  cancel.focus();
  return new Promise((resolve) => {
    d.addEventListener('close', () => {
      resolve(d.returnValue === 'ok');
      d.remove();
    }, { once: true });
  });
}
