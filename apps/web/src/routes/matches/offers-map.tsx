import type { BeneficiaryMatchesResponse } from '../../api/types';

type Match = BeneficiaryMatchesResponse['items'][number];

/**
 * The offers around the person (an SVG plan, no tile server: the service runs without the
 * internet): the home commune in the middle, the search radius, each offer numbered as in the list.
 */
export function OffersMap({
  origin,
  radiusKm,
  items,
  first,
}: {
  origin: { lat: number; lng: number };
  radiusKm: number;
  items: Match[];
  /** The number of the page's first offer in the whole list. */
  first: number;
}) {
  const size = 320;
  // Offers placed only by their département, region or country have no point on the plan.
  const placed = items.flatMap((item, index) => (item.location ? [{ item, index, location: item.location }] : []));
  const scale = (size / 2 - 16) / Math.max(radiusKm, ...placed.map(({ item }) => item.explanation.distanceKm ?? 0), 1);
  const kmPerLat = 111.32;
  const kmPerLng = 111.32 * Math.cos((origin.lat * Math.PI) / 180);
  const point = (location: { lat: number; lng: number }) => ({
    x: size / 2 + (location.lng - origin.lng) * kmPerLng * scale,
    y: size / 2 - (location.lat - origin.lat) * kmPerLat * scale,
  });
  return (
    <figure className="card" style={{ maxWidth: size + 40 }}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width="100%"
        role="img"
        aria-label={`Plan : ${placed.length} offres autour du domicile, rayon de recherche ${radiusKm} km`}
      >
        <rect width={size} height={size} fill="#f4f7fb" />
        <circle cx={size / 2} cy={size / 2} r={radiusKm * scale} fill="none" stroke="#00509e" strokeDasharray="4 4" />
        <circle cx={size / 2} cy={size / 2} r={6} fill="#1b1b1b" />
        {placed.map(({ item, index, location }) => {
          const { x, y } = point(location);
          return (
            <g key={item.id}>
              <circle cx={x} cy={y} r={9} fill="#00509e" />
              <text x={x} y={y + 4} textAnchor="middle" fontSize="10" fill="#fff">
                {first + index}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Point noir : domicile. Cercle : {radiusKm} km. Les numéros renvoient à la liste.
        {placed.length < items.length &&
          ` ${items.length - placed.length} offre(s) sans commune précise (département, région ou France) n’y figurent pas.`}
      </figcaption>
    </figure>
  );
}
