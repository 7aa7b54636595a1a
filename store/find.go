package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// This file holds the one matching condition for finding releases,
// matchCanonical: /latest and the digest's candidates (DigestSource.Releases)
// go through it, and the two queries that build each tsquery once, Search
// and KeywordHits, write the same condition out (r.canon @@
// to_tsquery('simple', ...)). A change to how text matches must keep the
// four alike.
//
// Matching runs on releases.canon, the canonical cross-script form of every
// language version of a release (migrations/00005_canonical.sql), against a
// tsquery built in Go by package textmatch (KeywordQuery for keywords,
// SearchQuery for searches): Шымкент, Shymkent and Şymkent are one word
// there, words match the forms that begin with them, and a place is the OR
// of all its names (Budapest | Будапешт). A keyword subscription's query is
// stored with it (subscriptions.match_query) and kept current with the
// rules by RefreshMatchQueries. Entities are found the same way over
// entities.canon (FindEntities, in entities.go).

// matchCanonical is the SQL condition "release r matches the tsquery text in
// expr" (to_tsquery syntax over canonical words).
func matchCanonical(expr string) string {
	return `r.canon @@ to_tsquery('simple', ` + expr + `)`
}

// Highlight markers: the bot puts them around matched words of a snippet;
// the renderer escapes the text and turns them into tags. They are
// characters no release is expected to contain, and the renderer drops
// stray ones.
const (
	MarkStart = "\u27E6" // ⟦
	MarkStop  = "\u27E7" // ⟧
)

const releaseColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url, r.title, r.body,
	r.lang, r.published_on`

// versionColumns are releaseColumns with the title, body and language taken
// from v, the release's version in the reader's language, when it has one
// (joined with versionJoin); otherwise the text the release was first seen
// with.
const versionColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url,
	COALESCE(v.title, r.title) AS title, COALESCE(v.body, r.body) AS body,
	COALESCE(v.lang, r.lang) AS lang, r.published_on`

// versionJoin joins the release's version in the language given by expr.
func versionJoin(expr string) string {
	return ` LEFT JOIN release_versions v ON v.release_id = r.id AND v.lang = ` + expr + ` `
}

type releaseRow struct {
	Release
	entityRow
}

func (r releaseRow) release() Release {
	rel := r.Release
	rel.Entity = r.entityRow.entity()
	return rel
}

func releasesOf(rows []releaseRow) []Release {
	out := make([]Release, len(rows))
	for i, r := range rows {
		out[i] = r.release()
	}
	return out
}

// LatestFilter selects releases for /latest. Zero fields do not filter.
type LatestFilter struct {
	EntityID int64  // only this entity's releases
	Match    string // only releases matching this tsquery (textmatch.KeywordQuery)
	ChatID   int64  // only releases matching this chat's subscriptions
	// Lang shows each release in this language when it has a version in it;
	// "" shows the text each release was first seen with.
	Lang string
	// Timeout stops the query after this long with ErrTimeout; zero for no
	// limit. A chat following many keywords makes /latest read every release.
	Timeout time.Duration
}

// SearchQuery is a /search as the store runs it.
type SearchQuery struct {
	Match      string    // tsquery over canonical text (textmatch.SearchQuery); required
	EntitySlug string    // only this entity's releases (entity:SLUG)
	Since      time.Time // only releases published on or after this day (since:DATE)
	Lang       string    // show each release in this language when it has a version in it
	// Timeout stops the query after this long with ErrTimeout; zero for no
	// limit.
	Timeout time.Duration
}

// Search returns releases matching q, best first. The score mixes relevance
// (the cover density of the canonical match, a title's words weighted
// above the body's: rankWeights) with recency: a release loses half its
// score every 30 days.
//
// Only the newest searchCandidates matches are scored. Scoring every match
// read every matching row (a common word matches a third of the archive:
// 493 ms at p50 at a million releases); the newest are the first rows of
// the date index, or a sort of a rare word's few. What this leaves out is
// older than the newest searchCandidates matches, and by then recency has
// divided its score by 2 every 30 days: it would have had to be that many
// times more relevant to rank on the first pages.
func (s *Store) Search(ctx context.Context, q SearchQuery, offset, limit int) ([]Release, error) {
	var since any
	if !q.Since.IsZero() {
		since = q.Since.Format(time.DateOnly)
	}
	var rows []releaseRow
	err := s.selectWithin(ctx, q.Timeout, &rows, `
		WITH c AS (
			SELECT r.id FROM releases r LEFT JOIN entities e ON e.id = r.entity_id
			WHERE r.canon @@ to_tsquery('simple', $1)
			  AND ($2 = '' OR e.slug = lower($2))
			  AND ($3::date IS NULL OR r.published_on >= $3::date)
			ORDER BY r.published_on DESC, r.arrival_seq DESC
			LIMIT `+strconv.Itoa(max(searchCandidates, offset+limit))+`),
		q AS (SELECT to_tsquery('simple', $1) AS canon)
		SELECT `+versionColumns+`, '' AS snippet, `+entityRowColumns+`
		FROM q, c JOIN releases r ON r.id = c.id
		LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin("$4")+`
		ORDER BY ts_rank_cd('`+rankWeights+`', r.canon, q.canon)
		         * power(0.5, GREATEST(current_date - r.published_on, 0) / 30.0) DESC,
		         r.published_on DESC, r.arrival_seq DESC
		OFFSET $5 LIMIT $6`, noNUL(q.Match), noNUL(q.EntitySlug), since, noNUL(q.Lang), offset, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Match, err)
	}
	return releasesOf(rows), nil
}

// rankWeights are ts_rank_cd's weights of the canonical vector's words,
// {D, C, B, A}: a body word (D, also every word of a vector stored before
// weights) 0.4, a word of another language version (C) 0.2, a title's word
// (A) 1; B is unused. They are those the stemmed column Search ranked by
// before migration 00015 gave title, body and versions.
const rankWeights = "{0.4, 0.2, 0.4, 1.0}"

// searchCandidates is how many of the newest matches Search scores.
const searchCandidates = 300
