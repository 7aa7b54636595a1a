package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// lexemeStats are how common the commonest words of releases.canon are,
// as ANALYZE last counted them (pg_stats.most_common_elems: about a
// thousand words), for choosing what /search and /latest search the GIN
// index for (textmatch.IndexQuery).
type lexemeStats struct {
	words  []string  // sorted
	freqs  []float64 // the fraction of releases holding words[i]
	rarest float64   // the least of freqs: a word not among them is rarer
}

// freq is the fraction of releases holding operand, a canonical word or,
// ending in ":*", every word it begins.
func (s *lexemeStats) freq(operand string) float64 {
	share, uncounted := s.counted(operand)
	if !uncounted {
		return share
	}
	if !strings.HasSuffix(operand, ":*") {
		return s.rarest / 2
	}
	// A prefix begins the words counted and as many forms too rare to be:
	// a place's dozens of case forms, each below the rarest counted, were
	// together in 5.8% of the bench's releases (shimkent:*, of which
	// ANALYZE counted no form), the rarest counted word being in 2.9%.
	return share + s.rarest
}

// postings is the fraction of releases the GIN index is expected to read
// for operand: freq's, but a word ANALYZE did not count taken at a quarter
// of the rarest it did (freq's bound), as most of them are far rarer
// (akmeshit:*, a former name of Kyzylorda, is in none of the bench's
// releases; ridder:* in 1.6%, the bound being 2.7%).
func (s *lexemeStats) postings(operand string) float64 {
	share, uncounted := s.counted(operand)
	if uncounted {
		share += s.rarest / 4
	}
	return share
}

// counted is the fraction of releases holding the counted words operand
// names, and whether it may name words not counted too: a word not among
// them, or a prefix (which always may).
func (s *lexemeStats) counted(operand string) (share float64, uncounted bool) {
	prefix, isPrefix := strings.CutSuffix(operand, ":*")
	i, found := slices.BinarySearch(s.words, prefix)
	if !isPrefix {
		if found {
			return s.freqs[i], false
		}
		return 0, true
	}
	for ; i < len(s.words) && strings.HasPrefix(s.words[i], prefix); i++ {
		share += s.freqs[i]
	}
	return share, true
}

// lexemeCache keeps the statistics a while: ANALYZE changes them every
// few thousand releases, and reading them costs a query.
type lexemeCache struct {
	mu     sync.Mutex
	stats  *lexemeStats // nil before ANALYZE counted anything
	readAt time.Time
}

// lexemeStatsTTL is how long statistics read are used before being read
// again.
const lexemeStatsTTL = 10 * time.Minute

// lexemeStats returns the statistics ANALYZE keeps, read in tx
// at most every lexemeStatsTTL, or nil when there are none (a database
// not yet analysed): the caller then decides without them.
func (s *Store) lexemeStats(ctx context.Context, tx *sqlx.Tx) (*lexemeStats, error) {
	c := &s.lexemes
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.readAt.IsZero() || time.Since(c.readAt) > lexemeStatsTTL {
		stats, err := readLexemeStats(ctx, tx)
		if err != nil {
			return nil, err
		}
		c.stats, c.readAt = stats, time.Now()
	}
	return c.stats, nil
}

func readLexemeStats(ctx context.Context, tx *sqlx.Tx) (*lexemeStats, error) {
	var words pq.StringArray
	var freqs pq.Float64Array
	err := tx.QueryRowContext(ctx, `
		SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
		WHERE schemaname = current_schema() AND tablename = 'releases' AND attname = 'canon'`).Scan(&words, &freqs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// For a tsvector the frequencies are followed by their minimum and
	// maximum (1,002 for 1,000 words at a million releases).
	if len(words) == 0 || len(freqs) < len(words)+1 {
		return nil, nil
	}
	st := &lexemeStats{rarest: freqs[len(words)]}
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(words[a], words[b]) })
	for _, i := range order {
		st.words = append(st.words, words[i])
		st.freqs = append(st.freqs, freqs[i])
	}
	return st, nil
}
