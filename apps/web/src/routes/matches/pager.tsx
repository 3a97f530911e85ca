import { Link } from 'react-router';

/** Links to the pages of results (`current` among `pages`), each keeping the search in the address. */
export function Pager({ current, pages, params }: { current: number; pages: number; params: URLSearchParams }) {
  const pageHref = (page: number): string => {
    const next = new URLSearchParams(params);
    if (page === 1) next.delete('page');
    else next.set('page', String(page));
    return `?${next.toString()}`;
  };
  return (
    <nav aria-label="Pages des offres" className="pager">
      {current > 1 && <Link to={pageHref(current - 1)}>← Page précédente</Link>}
      <ul>
        {Array.from({ length: pages }, (_, index) => index + 1).map((page) => (
          <li key={page}>
            {page === current ? (
              <span aria-current="page">{page}</span>
            ) : (
              <Link to={pageHref(page)} aria-label={`Page ${page}`}>
                {page}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {current < pages && <Link to={pageHref(current + 1)}>Page suivante →</Link>}
    </nav>
  );
}
