// Package poll owns fetching releases by themselves: it polls each source
// (a gov.kz entity in one language, through its RSS feed or the JSON list
// API of the gov.kz web app; or a generic RSS/Atom feed named by the
// operator), validates what comes back and stores it, on a schedule kept in
// the database.
//
// A well-behaved crawler: every request names the bot in its User-Agent,
// feeds are fetched conditionally (If-None-Match, If-Modified-Since), an
// answer larger than a limit or slower than a timeout is abandoned, each
// source is polled on its own interval with jitter, and a failing source
// backs off exponentially up to six hours. A source failing for a day is
// logged once at Warn, not at every poll.
//
// One source's bad answer (an error status, HTML instead of XML, truncated
// JSON, bytes that are not the encoding they claim) fails that source only
// and stores nothing of that answer; an item that does not validate (no
// gov.kz release URL for a gov.kz source, no title nor body, an impossible
// date) is skipped and counted, and the rest of its answer is stored.
//
// Two pollers on one database (two "serve" processes, or "serve" and
// "newsbot fetch") never poll one source at the same time: a poller leases
// a source in the database before fetching it (see store.ClaimDueSource).
//
// The gov.kz wire formats are written down next to the code that reads
// them: the RSS feed in govkz.go (GET /api/v1/public/rss/<entity>/news/<lang>),
// the JSON list API in govkz_api.go and govkz_json.go (GET
// /api/v1/public/content-manager/news, the language in Accept-Language), its
// cookie-ticket handshake in ticket.go; package fakegovkz serves them to the
// tests. Where they are unconfirmed (the RSS item shape, the date offsets of
// the JSON API) the parsing accepts every shape seen or plausible.
package poll
