import type { IndicatorsResponse } from '../../api/types';
import { formatDate } from '../../ui/ui';
import { formatValue, TEXTS } from './indicator-texts';

/** The indicators by group (coach, structure, commune, département), each against its target. */
export function GroupTable({ report, label }: { report: IndicatorsResponse; label: string }) {
  const keys = report.groups[0]?.indicators.map((indicator) => indicator.key) ?? [];
  const header = report.groupBy === 'coach' ? 'Conseiller·ère' : 'Structure';
  return (
    <section aria-labelledby="indicators-groups">
      <h2 id="indicators-groups">Détail {label.toLowerCase()}</h2>
      {report.groups.length === 0 ? (
        <p>Aucune donnée sur la période.</p>
      ) : (
        <div
          className="table-scroll"
          role="region"
          aria-label={`Indicateurs ${label.toLowerCase()}`}
          tabIndex={0}
          style={{ position: 'relative' }}
        >
          <table className="data-table">
            <caption className="visually-hidden">
              Indicateurs {label.toLowerCase()}, du {formatDate(report.from)} au {formatDate(report.to)} ; ✓ objectif
              atteint, ✗ objectif non atteint
            </caption>
            <thead>
              <tr>
                <th scope="col">{header}</th>
                {keys.map((key) => (
                  <th scope="col" key={key}>
                    {TEXTS[key]?.short ?? key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.groups.map((group) => (
                <tr key={group.key ?? 'none'}>
                  <th scope="row">{group.label}</th>
                  {group.indicators.map((indicator) => (
                    <td key={indicator.key} style={{ whiteSpace: 'nowrap' }}>
                      {formatValue(indicator)}
                      {indicator.targetMet === true && (
                        <span className="target-met">
                          {' '}
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">objectif atteint</span>
                        </span>
                      )}
                      {indicator.targetMet === false && (
                        <span className="target-missed">
                          {' '}
                          <span aria-hidden="true">✗</span>
                          <span className="visually-hidden">objectif non atteint</span>
                        </span>
                      )}
                      {indicator.denominator !== null && indicator.numerator !== null && (
                        <span className="muted" style={{ display: 'block', fontSize: '0.85rem' }}>
                          {indicator.numerator} / {indicator.denominator}
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
