
/** "Page not found", said plainly, with the ways on: the front page and search. */
export function NotFoundNotice() {
  return (
    <>
      <h1>Page not found</h1>
      <p>The page you asked for is not here. It may have moved, or it was never published.</p>
      <p>
        <a href="/">Go to the front page</a> · <a href="/search">Search the paper</a>
      </p>
      <form className="search-form not-found-search" action="/search" role="search">
        <label htmlFor="not-found-query" className="visually-hidden">
          Search published articles
        </label>
        <input id="not-found-query" name="q" type="search" placeholder="Search published articles" />
        <button type="submit" className="button">
          Search
        </button>
      </form>
    </>
  );
}
