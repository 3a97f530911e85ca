import { Alert, Loading } from '../../ui/ui';
import { formatValue } from './indicator-texts';
import { SERIES, useTrend } from './use-indicators-data';

/** The two main rates month by month over the last six months: an SVG bar chart with its data table. */
export function TrendChart({ today, structureId }: { today: string; structureId: string | null }) {
  const { data: points, error } = useTrend(today, structureId);

  const width = 480;
  const height = 240;
  const left = 52;
  const bottom = 32;
  const top = 12;
  const plotHeight = height - top - bottom;
  const slot = points ? (width - left - 8) / points.length : 0;
  const bar = Math.min(32, slot / 3);
  const y = (value: number) => top + plotHeight * (1 - Math.min(1, Math.max(0, value)));
  const first = points?.[0]?.long;
  const last = points?.at(-1)?.long;

  return (
    <section aria-labelledby="indicators-trend">
      <h2 id="indicators-trend">Évolution sur les six derniers mois</h2>
      <p className="muted">
        Chaque mois est calculé comme une période à part entière (le mois en cours jusqu’à aujourd’hui) :
        l’accompagnement doit s’être terminé dans le mois.
      </p>
      {error && <Alert>{error}</Alert>}
      {!points && !error && <Loading what="de l’évolution mensuelle" />}
      {points && (
        <div className="card">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`Diagramme en barres des taux mensuels de retour à l’activité et de sortie du RSA liée à l’emploi à M+1, de ${first} à ${last}. Les valeurs sont détaillées dans le tableau « Données du graphique ».`}
            style={{ width: '100%', height: 'auto', maxWidth: '48rem', display: 'block' }}
          >
            <defs>
              <pattern id="hatch-rsa" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#fff" />
                <rect width="3.5" height="6" fill="#6b4a00" />
              </pattern>
            </defs>
            {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
              <g key={tick}>
                <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} stroke="#d0d0d0" />
                <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="14" fill="#555">
                  {tick * 100} %
                </text>
              </g>
            ))}
            {points.map((point, index) => {
              const x0 = left + slot * index + (slot - bar * 2 - 4) / 2;
              return (
                <g key={point.label}>
                  {point.values.map((indicator, series) => {
                    const x = x0 + series * (bar + 4);
                    if (!indicator || indicator.value === null)
                      return (
                        <text key={series} x={x + bar / 2} y={y(0) - 4} textAnchor="middle" fontSize="14" fill="#555">
                          —
                        </text>
                      );
                    return (
                      <rect
                        key={series}
                        x={x}
                        y={y(indicator.value)}
                        width={bar}
                        height={Math.max(1, y(0) - y(indicator.value))}
                        fill={SERIES[series].fill}
                        stroke={series === 0 ? '#00509e' : '#6b4a00'}
                      />
                    );
                  })}
                  <text
                    x={left + slot * index + slot / 2}
                    y={height - 10}
                    textAnchor="middle"
                    fontSize="14"
                    fill="#1b1b1b"
                  >
                    {point.label}
                  </text>
                </g>
              );
            })}
            <line x1={left} x2={width - 4} y1={y(0)} y2={y(0)} stroke="#1b1b1b" />
          </svg>
          <ul className="tags" aria-label="Légende" style={{ marginTop: '0.5rem' }}>
            {SERIES.map((series, index) => (
              <li key={series.key} style={{ background: 'none', display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
                <svg width="18" height="14" aria-hidden="true" focusable="false">
                  <defs>
                    <pattern
                      id={`legend-hatch-${index}`}
                      width="6"
                      height="6"
                      patternUnits="userSpaceOnUse"
                      patternTransform="rotate(45)"
                    >
                      <rect width="6" height="6" fill="#fff" />
                      <rect width="3.5" height="6" fill="#6b4a00" />
                    </pattern>
                  </defs>
                  <rect
                    width="18"
                    height="14"
                    fill={index === 0 ? '#00509e' : `url(#legend-hatch-${index})`}
                    stroke={index === 0 ? '#00509e' : '#6b4a00'}
                  />
                </svg>
                {series.label} {index === 0 ? '(barres pleines)' : '(barres hachurées)'}
              </li>
            ))}
          </ul>
          <p className="muted" style={{ margin: '0.25rem 0 0' }}>
            « — » : rien à mesurer ce mois-là.
          </p>
          <details style={{ marginTop: '0.5rem' }}>
            <summary>Données du graphique (tableau)</summary>
            <div
              className="table-scroll"
              role="region"
              aria-label="Données du graphique"
              tabIndex={0}
              style={{ marginTop: '0.5rem', position: 'relative' }}
            >
              <table className="data-table">
                <caption>Taux mensuels, avec numérateur et dénominateur</caption>
                <thead>
                  <tr>
                    <th scope="col">Mois</th>
                    {SERIES.map((series) => (
                      <th scope="col" key={series.key}>
                        {series.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {points.map((point) => (
                    <tr key={point.label}>
                      <th scope="row">{point.long}</th>
                      {point.values.map((indicator, series) => (
                        <td key={series}>
                          {indicator ? formatValue(indicator) : '—'}
                          {indicator && indicator.numerator !== null && indicator.denominator !== null && (
                            <span className="muted">
                              {' '}
                              ({indicator.numerator} / {indicator.denominator})
                            </span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      )}
    </section>
  );
}
