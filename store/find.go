package store

import (
	"context"
	"fmt"
)

// This file is the one query path for finding releases: /latest, /search and
// (later) digest matching go through matchKeyword and searchQuery, so a change
// to how text matches lands here once.

// matchKeyword is the SQL condition "release r matches the keyword in expr": a
// keyword of several words matches as a phrase.
func matchKeyword(expr string) string {
	return `r.search @@ phraseto_tsquery('russian', ` + expr + `)`
}

// searchQuery is the SQL tsquery of a user's search: websearch_to_tsquery
// semantics (quotes for phrases, OR, minus to exclude).
func searchQuery(expr string) string {
	return `websearch_to_tsquery('russian', ` + expr + `)`
}

// Snippet highlight markers: ts_headline puts them around matched words; the
// renderer escapes the text and turns them into tags. They are characters no
// release is expected to contain, and SnippetMarks strips stray ones.
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
	Keyword  string // only releases matching this keyword
	ChatID   int64  // only releases matching this chat's subscriptions
	// Lang shows each release in this language when it has a version in it;
	// "" shows the text each release was first seen with.
	Lang string
}

// Latest returns releases matching f, newest first (published date, then
// arrival), skipping offset and returning at most limit.
func (s *Store) Latest(ctx context.Context, f LatestFilter, offset, limit int) ([]Release, error) {
	var rows []releaseRow
	err := s.db.SelectContext(ctx, &rows, `
		SELECT `+versionColumns+`, '' AS snippet, `+entityRowColumns+`
		FROM releases r LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin("$6")+`
		WHERE ($1 = 0 OR r.entity_id = $1)
		  AND ($2 = '' OR `+matchKeyword("$2")+`)
		  AND ($3 = 0
		       OR r.entity_id IN (SELECT entity_id FROM subscriptions
		                          WHERE chat_id = $3 AND kind = 'entity')
		       OR EXISTS (SELECT 1 FROM subscriptions s
		                  WHERE s.chat_id = $3 AND s.kind = 'keyword'
		                    AND `+matchKeyword("s.normalized")+`))
		ORDER BY r.published_on DESC, r.arrival_seq DESC
		OFFSET $4 LIMIT $5`, f.EntityID, f.Keyword, f.ChatID, offset, limit, f.Lang)
	if err != nil {
		return nil, fmt.Errorf("store: latest: %w", err)
	}
	return releasesOf(rows), nil
}

// Search returns releases matching a user's full-text query, best matches
// first, each with a Snippet whose matched words are wrapped in MarkStart and
// MarkStop. It is SearchIn with no language.
func (s *Store) Search(ctx context.Context, query string, offset, limit int) ([]Release, error) {
	return s.SearchIn(ctx, query, "", offset, limit)
}

// SearchIn is Search showing each release, and its snippet, in lang when it
// has a version in that language. A release matches by any of its versions.
func (s *Store) SearchIn(ctx context.Context, query, lang string, offset, limit int) ([]Release, error) {
	var rows []releaseRow
	err := s.db.SelectContext(ctx, &rows, `
		WITH q AS (SELECT `+searchQuery("$1")+` AS q)
		SELECT `+versionColumns+`, `+entityRowColumns+`,
			ts_headline('russian', CASE WHEN COALESCE(v.body, r.body) = ''
				THEN COALESCE(v.title, r.title) ELSE COALESCE(v.body, r.body) END, q.q,
				'StartSel=`+MarkStart+`, StopSel=`+MarkStop+`, MaxWords=22, MinWords=8, MaxFragments=1')
				AS snippet
		FROM q, releases r LEFT JOIN entities e ON e.id = r.entity_id `+versionJoin("$4")+`
		WHERE r.search @@ q.q
		ORDER BY ts_rank_cd(r.search, q.q) DESC, r.published_on DESC, r.arrival_seq DESC
		OFFSET $2 LIMIT $3`, query, offset, limit, lang)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	return releasesOf(rows), nil
}
