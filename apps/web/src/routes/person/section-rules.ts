import type { BeneficiaryFileResponse } from '../../api/types';

/** The longest note, description or action text the API takes. */
export const NOTE_LIMIT = 2000;

/** A text's problem before sending: required, not blank, within the limit (the API's own rules). */
export function textProblem(text: string, { required, limit }: { required?: boolean; limit: number }): string | null {
  if (required && !text.trim()) return 'ce champ est obligatoire';
  if (!required && text && !text.trim()) return 'ne peut pas être vide';
  if (text.length > limit) return `au plus ${limit.toLocaleString('fr-FR')} caractères`;
  return null;
}

/** Puts the focus on the first field in error of a form (its control, found by the field's name). */
export function focusFirst(form: HTMLElement | null, errors: Record<string, string>): void {
  const first = Object.keys(errors)[0];
  if (!form || !first) return;
  requestAnimationFrame(() => {
    const control = form.querySelector<HTMLElement>(
      `[name="${first}"], [data-field="${first}"] input, [data-field="${first}"] textarea`,
    );
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  });
}

/** A French decimal typed by the user (« 250,50 ») as a number, or null when empty or not a number. */
export function amountOf(text: string): number | null | 'invalid' {
  if (!text.trim()) return null;
  const value = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

export interface SectionProps {
  readonly id: string;
  readonly file: BeneficiaryFileResponse;
  readonly canWrite: boolean;
  readonly userId: string | null;
  /** Reloads the file and says what was done. */
  readonly onChanged: (message: string) => Promise<void>;
}

/** The person's consent for a purpose, when given and not revoked. */
export const activeConsent = (file: BeneficiaryFileResponse, purpose: string) =>
  file.consents.find((entry) => entry.purpose === purpose && entry.revokedAt === null);
