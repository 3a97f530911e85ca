import type { IndicatorValueResponse } from '../../api/types';
import { percent } from '../../ui/ui';
import { formatValue, NUMBER, TEXTS } from './indicator-texts';

function TargetLine({ indicator }: { indicator: IndicatorValueResponse }) {
  if (indicator.target === null) return <p className="muted">Pas d’objectif fixé.</p>;
  const target = percent(indicator.target);
  if (indicator.targetMet === true)
    return (
      <p className="target-met">
        <span aria-hidden="true">✓ </span>Objectif atteint (objectif : {target})
      </p>
    );
  if (indicator.targetMet === false)
    return (
      <p className="target-missed">
        <span aria-hidden="true">✗ </span>Objectif non atteint (objectif : {target})
      </p>
    );
  return <p className="muted">Objectif : {target} — rien à mesurer sur la période.</p>;
}

/** An indicator against its target, with its numerator, denominator and definition. */
export function IndicatorCard({ indicator }: { indicator: IndicatorValueResponse }) {
  const text = TEXTS[indicator.key];
  return (
    <li className="card" style={{ marginBottom: 0 }}>
      <h3 style={{ marginTop: 0 }}>{indicator.label}</h3>
      <p className="figure" style={{ margin: 0 }}>
        {formatValue(indicator)}
        {indicator.value === null && <span className="visually-hidden"> (non mesurable sur la période)</span>}
      </p>
      <TargetLine indicator={indicator} />
      <dl className="facts" style={{ gridTemplateColumns: 'minmax(0, 1fr) auto' }}>
        {indicator.numerator !== null && (
          <>
            <dt>{text?.numerator ?? 'Numérateur'}</dt>
            <dd>{NUMBER.format(indicator.numerator)}</dd>
          </>
        )}
        {indicator.denominator !== null && (
          <>
            <dt>{text?.denominator ?? 'Dénominateur'}</dt>
            <dd>{NUMBER.format(indicator.denominator)}</dd>
          </>
        )}
        {indicator.unknown !== undefined && (
          <>
            <dt>Suivis non renseignés</dt>
            <dd>{NUMBER.format(indicator.unknown)}</dd>
          </>
        )}
      </dl>
      {text && (
        <details style={{ marginTop: '0.5rem' }}>
          <summary>Définition</summary>
          <p style={{ margin: '0.4rem 0 0' }}>{text.definition}</p>
        </details>
      )}
    </li>
  );
}
