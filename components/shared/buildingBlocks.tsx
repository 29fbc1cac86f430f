// The few building blocks the popup, the prompt, the report and the diagnostics
// page share, so the same thing looks and behaves the same everywhere: a button,
// a notice, a status line and a section with its heading. Colours come from the
// variables in base.css (light and dark); the words always carry the meaning,
// and the colour and the mark only repeat it.
import type { ButtonHTMLAttributes, ComponentChildren, HTMLAttributes, RefObject } from 'preact';

/** ok: all is well. warning: something to look at. info: neutral. */
export type Tone = 'ok' | 'warning' | 'info';

export type ButtonRole = 'primary' | 'secondary' | 'quiet' | 'danger';

/** The classes of a button role, for a <button> or a link drawn as one. */
export const buttonClass = (role: ButtonRole) =>
  // btn-primary: the older name, which the prompt's and popup's styles still use.
  role === 'primary' ? 'button-primary btn-primary' : `button-${role}`;

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'ref' | 'class'> & {
  /**
   * The button's role (base.css): primary, the one suggested next step on a
   * screen; secondary, any other action; quiet, a low-key one (skip, cancel);
   * danger, only for deleting or replacing data.
   */
  variant?: ButtonRole;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  /** Extra classes (for example no-print). */
  extraClass?: string;
};

export function Button({
  variant = 'secondary',
  buttonRef,
  extraClass,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['btn', buttonClass(variant), extraClass].filter(Boolean).join(' ');
  return <button ref={buttonRef} type={type} class={classes} {...rest} />;
}

/** A boxed message: a title (optional) and what to do. */
export function Notice({
  tone,
  title,
  children,
  id,
  testId,
  extraClass,
}: {
  tone: Tone;
  title?: ComponentChildren;
  children?: ComponentChildren;
  id?: string;
  testId?: string;
  extraClass?: string;
}) {
  const classes = ['notice', `notice-${tone}`, extraClass].filter(Boolean).join(' ');
  return (
    <div class={classes} id={id} data-testid={testId}>
      {title && <p class="notice-title">{title}</p>}
      {children}
    </div>
  );
}

/** One line of state, with a mark in the tone's colour in front (decoration only). */
export function StatusLine({
  tone,
  children,
  ...rest
}: { tone: Tone; children: ComponentChildren } & Omit<
  HTMLAttributes<HTMLParagraphElement>,
  'class'
>) {
  return (
    <p class={`status-line status-${tone}`} {...rest}>
      <span class="status-mark" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}

/** A section named by its heading (aria-labelledby), so it is a landmark screen readers list. */
export function Section({
  id,
  heading,
  level = 2,
  extraClass,
  testId,
  children,
}: {
  id: string;
  heading: ComponentChildren;
  level?: 2 | 3;
  extraClass?: string;
  testId?: string;
  children?: ComponentChildren;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section
      class={['part', extraClass].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-heading`}
      data-testid={testId}
    >
      <Heading id={`${id}-heading`} class="part-heading">
        {heading}
      </Heading>
      {children}
    </section>
  );
}
