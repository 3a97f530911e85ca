import { type ReactNode, useEffect, useRef } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

/** Buttons from react-aria-components: keyboard, press and focus behaviour done right. */
export function Button({
  variant = 'primary',
  ...props
}: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <AriaButton {...props} className={`button button-${variant}`} />;
}

/** The page's title: sets the document title and takes the focus after a navigation (screen readers hear it). */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Passerelle`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Alert({ children, kind = 'error' }: { children: ReactNode; kind?: 'error' | 'info' | 'success' }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Chargement {what}…
    </p>
  );
}

export function Badge({
  children,
  tone = 'neutral',
}: {
  children: ReactNode;
  tone?: 'neutral' | 'warning' | 'danger' | 'success';
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** A date as French readers expect it (`12 janv. 2026`); dates without time are taken at noon Paris. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return DATE.format(date);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}

const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** A share as French readers write it: `36,4 %`. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : PERCENT.format(value);
}

const DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** Today in Paris, as the API's dates (YYYY-MM-DD): not UTC's, which is yesterday until 1 or 2 a.m. */
export const parisToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** A quantity as French readers write it (`24,5`). */
export function formatNumber(value: number): string {
  return DECIMAL.format(value);
}
