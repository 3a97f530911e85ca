import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, describeError, ok } from '../api/client';
import type { paths } from '../api/schema';
import type { components, IndicatorsReport, IndicatorValue } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Choice } from '../ui/forms';
import { Alert, Button, formatDate, Loading, PageTitle, parisToday, percent } from '../ui/ui';

type Structure = components['schemas']['StructureResponse'];
/** The API's groupings (the generated schema), each offered below. */
type GroupBy = NonNullable<paths['/indicators']['get']['parameters']['query']['groupBy']>;

interface Query {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly structureId: string | null;
}

/** What each indicator means, in French (the English definitions are in libs/outcomes/src/domain/indicators.ts). */
const TEXTS: Record<string, { short: string; definition: string; numerator?: string; denominator?: string }> = {
  return_to_activity: {
    short: 'Retour à l’activité',
    definition:
      'Personnes dont l’accompagnement s’est terminé sur la période (fin ou réorientation) et qui sont parties vers un emploi, une formation ou une création d’activité, ou qui ont commencé un emploi avant la fin de leur accompagnement. Dénominateur : les accompagnements terminés sur la période ; les accompagnements en cours ne sont pas comptés.',
    numerator: 'Personnes revenues à l’activité',
    denominator: 'Accompagnements terminés',
  },
  ...Object.fromEntries(
    ['1', '3', '6'].map((month) => [
      `rsa_exit_job_m${month}`,
      {
        short: `Sortie du RSA en emploi M+${month}`,
        definition: `Personnes dont l’accompagnement s’est terminé sur la période et dont le suivi M+${month} après la fin de l’accompagnement est arrivé à échéance, sorties du RSA à ce suivi tout en étant en emploi ce jour-là (un emploi enregistré couvrant la date, ou la réponse au suivi). Une sortie du RSA sans emploi ne compte pas ; un suivi pas encore renseigné compte au dénominateur seulement (« non renseignés »).`,
        numerator: 'Sorties du RSA en emploi',
        denominator: `Suivis M+${month} échus`,
      },
    ]),
  ),
  durable_jobs: {
    short: 'Emplois durables',
    definition:
      'Emplois commencés sur la période qui sont durables (un CDI, ou un contrat à durée limitée de six mois ou plus), sur l’ensemble des emplois commencés sur la période.',
    numerator: 'Emplois durables',
    denominator: 'Emplois commencés',
  },
  cv_on_platform: {
    short: 'CV déposé (prêts à l’emploi)',
    definition:
      'Personnes prêtes à l’emploi suivies sur la période dont le CV était déposé sur une plateforme régionale à la fin de la période (ou de leur accompagnement). Prête à l’emploi : en accompagnement, sans frein ouvert ce jour-là.',
    numerator: 'CV déposés',
    denominator: 'Personnes prêtes à l’emploi',
  },
  days_to_first_introduction: {
    short: 'Délai 1re mise en relation',
    definition:
      'Nombre médian de jours entre l’orientation et la première mise en relation, pour les personnes dont la première mise en relation a eu lieu sur la période (le dénominateur).',
    denominator: 'Personnes mises en relation pour la première fois',
  },
  days_to_hire: {
    short: 'Délai d’embauche',
    definition:
      'Nombre médian de jours entre l’orientation et le début du premier emploi, pour les personnes dont le premier emploi a commencé sur la période (le dénominateur).',
    denominator: 'Personnes embauchées pour la première fois',
  },
  introductions_per_person: {
    short: 'Mises en relation par personne',
    definition:
      'Mises en relation faites sur la période, divisées par le nombre de personnes suivies à un moment de la période.',
    numerator: 'Mises en relation',
    denominator: 'Personnes suivies',
  },
  employer_response_rate: {
    short: 'Réponse des employeurs',
    definition:
      'Mises en relation dont la première fiche candidat a été envoyée sur la période et auxquelles l’employeur a répondu (quelle que soit la réponse), sur les mises en relation dont la première fiche a été envoyée sur la période.',
    numerator: 'Réponses reçues',
    denominator: 'Fiches envoyées',
  },
  employer_response_hours: {
    short: 'Délai de réponse employeur',
    definition:
      'Nombre médian d’heures entre l’envoi de la première fiche candidat et la première réponse de l’employeur, pour les mises en relation ayant reçu une réponse sur la période (le dénominateur).',
    denominator: 'Mises en relation avec réponse',
  },
  offers_captured: {
    short: 'Offres captées',
    definition: 'Offres créées à partir d’une analyse de poste (source médiation) sur la période.',
    numerator: 'Offres captées',
  },
};

const GROUP_LABELS: Record<GroupBy, string> = {
  none: 'Ensemble',
  coach: 'Par conseiller·ère',
  structure: 'Par structure',
  commune: 'Par commune de résidence',
  departement: 'Par département de résidence',
};
const GROUPS = (Object.keys(GROUP_LABELS) as GroupBy[]).map((id) => ({ id, label: GROUP_LABELS[id] }));

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const RATIO = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const MONTH_LONG = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const pad = (value: number): string => String(value).padStart(2, '0');
/** The last day of a month (1–12) as `YYYY-MM-DD`. */
const monthEnd = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
const minDate = (a: string, b: string): string => (a < b ? a : b);
const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

interface Preset {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

function presets(today: string): Preset[] {
  const year = Number(today.slice(0, 4));
  const list: Preset[] = [
    { id: 'year', label: `Année ${year} (jusqu’à aujourd’hui)`, from: `${year}-01-01`, to: today },
  ];
  for (let quarter = 1; quarter <= 4; quarter++) {
    const from = `${year}-${pad(quarter * 3 - 2)}-01`;
    if (from > today) break;
    const end = monthEnd(year, quarter * 3);
    list.push({
      id: `q${quarter}`,
      label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year}${end > today ? ' (jusqu’à aujourd’hui)' : ''}`,
      from,
      to: minDate(end, today),
    });
  }
  list.push({ id: 'last_year', label: `Année ${year - 1}`, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` });
  for (let quarter = 4; quarter >= 1; quarter--)
    list.push({
      id: `last_q${quarter}`,
      label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year - 1}`,
      from: `${year - 1}-${pad(quarter * 3 - 2)}-01`,
      to: monthEnd(year - 1, quarter * 3),
    });
  return list;
}

/** The six months ending with the current one (the current one up to today). */
function lastMonths(today: string, count = 6): Array<{ from: string; to: string; label: string; long: string }> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    return {
      from: `${y}-${pad(m)}-01`,
      to: minDate(monthEnd(y, m), today),
      label: MONTH.format(date),
      long: MONTH_LONG.format(date),
    };
  });
}

function formatValue(indicator: IndicatorValue): string {
  const { value } = indicator;
  if (value === null) return '—';
  switch (indicator.unit) {
    case 'rate':
      return percent(value);
    case 'days':
      return `${NUMBER.format(value)} jour${value >= 2 ? 's' : ''}`;
    case 'hours':
      return `${NUMBER.format(value)} h`;
    case 'ratio':
      return RATIO.format(value);
    default:
      return NUMBER.format(value);
  }
}

function queryParams(query: Query, groupBy: GroupBy = query.groupBy) {
  return {
    from: query.from,
    to: query.to,
    groupBy,
    ...(query.structureId ? { structureId: query.structureId } : {}),
  };
}

/** A required date of the period, with its error. */
function PeriodDate({
  label,
  name,
  value,
  onChange,
  max,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  max?: string;
  error?: string;
}) {
  return (
    <TextField type="date" name={name} value={value} onChange={onChange} isRequired isInvalid={!!error}>
      <Label>{label}</Label>
      <Input max={max} />
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

/** Programme indicators for managers and administrators. */
export function IndicatorsPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'manager', 'admin'))
    return (
      <>
        <PageTitle title="Indicateurs">Indicateurs du programme</PageTitle>
        <Alert kind="info">Les indicateurs sont réservés aux responsables et aux administrateurs.</Alert>
      </>
    );
  return <IndicatorsDashboard />;
}

function IndicatorsDashboard() {
  const today = useMemo(parisToday, []);
  const periodPresets = useMemo(() => presets(today), [today]);
  const [presetId, setPresetId] = useState<string>('year');
  const [from, setFrom] = useState(periodPresets[0].from);
  const [to, setTo] = useState(periodPresets[0].to);
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [structureId, setStructureId] = useState<string>('all');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [query, setQuery] = useState<Query>({ from, to, groupBy: 'none', structureId: null });
  const [structures, setStructures] = useState<Structure[]>([]);
  const [overall, setOverall] = useState<IndicatorsReport | null>(null);
  const [grouped, setGrouped] = useState<IndicatorsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    ok<Structure[]>(api.GET('/structures'))
      .then((list) => setStructures([...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'))))
      .catch(() => setStructures([]));
  }, []);

  useEffect(() => {
    let live = true;
    setOverall(null);
    setGrouped(null);
    setError(null);
    const calls: [Promise<IndicatorsReport>, Promise<IndicatorsReport | null>] = [
      ok<IndicatorsReport>(api.GET('/indicators', { params: { query: queryParams(query, 'none') } })),
      query.groupBy === 'none'
        ? Promise.resolve(null)
        : ok<IndicatorsReport>(api.GET('/indicators', { params: { query: queryParams(query) } })),
    ];
    Promise.all(calls)
      .then(([all, byGroup]) => {
        if (!live) return;
        setOverall(all);
        setGrouped(byGroup);
      })
      .catch((caught: unknown) => live && setError(describeError(caught)));
    return () => {
      live = false;
    };
  }, [query]);

  const choosePreset = (id: string) => {
    setPresetId(id);
    const preset = periodPresets.find((option) => option.id === id);
    if (preset) {
      setFrom(preset.from);
      setTo(preset.to);
    }
  };

  /** A date typed by hand makes the period a custom one. */
  const custom = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPresetId('custom');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!isDate(from)) problems.from = 'Saisissez une date de début valide.';
    if (!isDate(to)) problems.to = 'Saisissez une date de fin valide.';
    if (!problems.from && !problems.to && from > to) problems.to = 'La fin de la période doit suivre son début.';
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setQuery({ from, to, groupBy, structureId: structureId === 'all' ? null : structureId });
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const blob = await ok<Blob>(
        api.GET('/indicators/export.csv', { params: { query: queryParams(query) }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `indicateurs-${query.from}-${query.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setExportError(`Export impossible : ${describeError(caught)}`);
    } finally {
      setExporting(false);
    }
  };

  const structureName = query.structureId
    ? (structures.find((structure) => structure.id === query.structureId)?.name ?? 'structure choisie')
    : null;
  const groupLabel = GROUPS.find((option) => option.id === query.groupBy)?.label ?? '';

  return (
    <>
      <PageTitle title="Indicateurs">Indicateurs du programme</PageTitle>
      <section aria-labelledby="indicators-filters" className="card">
        <h2 id="indicators-filters" style={{ marginTop: 0 }}>
          Période et périmètre
        </h2>
        <Form onSubmit={submit} validationBehavior="aria" validationErrors={fieldErrors}>
          <div className="toolbar" style={{ marginBottom: 0, alignItems: 'flex-start' }}>
            <Choice
              label="Période"
              options={[...periodPresets, { id: 'custom', label: 'Période personnalisée' }]}
              value={presetId}
              onChange={choosePreset}
            />
            <PeriodDate
              label="Du"
              name="from"
              value={from}
              onChange={custom(setFrom)}
              max={today}
              error={fieldErrors.from}
            />
            <PeriodDate label="Au" name="to" value={to} onChange={custom(setTo)} error={fieldErrors.to} />
            {structures.length > 1 && (
              <Choice
                label="Structure"
                options={[
                  { id: 'all', label: 'Toutes mes structures' },
                  ...structures.map((structure) => ({ id: structure.id, label: structure.name })),
                ]}
                value={structureId}
                onChange={setStructureId}
              />
            )}
            <Choice label="Détail" options={GROUPS} value={groupBy} onChange={setGroupBy} />
          </div>
          <div className="actions" style={{ marginBottom: 0 }}>
            <Button type="submit">Afficher les indicateurs</Button>
          </div>
        </Form>
      </section>

      {error && <Alert>{error}</Alert>}
      {!overall && !error && <Loading what="des indicateurs" />}
      {overall && (
        <section aria-labelledby="indicators-results">
          <h2 id="indicators-results">
            Du {formatDate(overall.from)} au {formatDate(overall.to)}
            {structureName ? ` — ${structureName}` : ''}
          </h2>
          <p className="summary" role="status">
            Calculés le {formatDate(overall.asOf)} à partir des dossiers ; chaque taux est donné avec son numérateur et
            son dénominateur.
          </p>
          <div className="actions">
            <Button variant="secondary" onPress={() => void exportCsv()} isDisabled={exporting}>
              {exporting ? 'Export en cours…' : 'Exporter en CSV'}
            </Button>
          </div>
          {exportError && <Alert>{exportError}</Alert>}
          <ul className="grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {(overall.groups[0]?.indicators ?? []).map((indicator) => (
              <IndicatorCard key={indicator.key} indicator={indicator} />
            ))}
          </ul>
        </section>
      )}
      {grouped && <GroupTable report={grouped} label={groupLabel} />}
      <TrendChart today={today} structureId={query.structureId} />
    </>
  );
}

function TargetLine({ indicator }: { indicator: IndicatorValue }) {
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

function IndicatorCard({ indicator }: { indicator: IndicatorValue }) {
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

function GroupTable({ report, label }: { report: IndicatorsReport; label: string }) {
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

const SERIES = [
  { key: 'return_to_activity', label: 'Retour à l’activité ou à l’emploi', fill: '#00509e' },
  { key: 'rsa_exit_job_m1', label: 'Sortie du RSA liée à l’emploi à M+1', fill: 'url(#hatch-rsa)' },
] as const;

interface MonthPoint {
  readonly label: string;
  readonly long: string;
  readonly values: Array<IndicatorValue | undefined>;
}

/** The two main rates month by month over the last six months: an SVG bar chart with its data table. */
function TrendChart({ today, structureId }: { today: string; structureId: string | null }) {
  const [points, setPoints] = useState<MonthPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setPoints(null);
    setError(null);
    const months = lastMonths(today);
    Promise.all(
      months.map((month) =>
        ok<IndicatorsReport>(
          api.GET('/indicators', {
            params: {
              query: { from: month.from, to: month.to, groupBy: 'none', ...(structureId ? { structureId } : {}) },
            },
          }),
        ),
      ),
    )
      .then((reports) => {
        if (!live) return;
        setPoints(
          reports.map((report, index) => ({
            label: months[index].label,
            long: months[index].long,
            values: SERIES.map((series) =>
              report.groups[0]?.indicators.find((indicator) => indicator.key === series.key),
            ),
          })),
        );
      })
      .catch((caught: unknown) => live && setError(describeError(caught)));
    return () => {
      live = false;
    };
  }, [today, structureId]);

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
