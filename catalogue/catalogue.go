// Package catalogue owns the list of gov.kz organisations the bot knows by
// name: regional and city akimats, ministries, embassies and missions abroad,
// and a few other bodies, each with its gov.kz slug, kind, parent and names in
// Kazakh, Russian and English. The list is entities.csv, embedded in the
// binary; every slug in it is attested in a source named in its evidence
// column, or follows the pattern of attested siblings and says so (evidence
// "INFERRED: ...", Entity.SlugInferred: not polled as part of a whole kind).
package catalogue

import (
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
)

//go:embed entities.csv
var entitiesCSV string

var (
	header = []string{"slug", "kind", "parent", "name_kk", "name_ru", "name_en", "evidence"}
	slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	kinds  = []string{store.KindAkimat, store.KindMinistry, store.KindEmbassy, store.KindOther}
)

// inferredMark begins the evidence of an entity whose slug follows the
// pattern of attested siblings without being attested itself
// (Entity.SlugInferred).
const inferredMark = "INFERRED:"

// Load returns the embedded catalogue, every entity marked InCatalogue,
// with the names of the places it serves as aliases (places.go).
func Load() ([]store.Entity, error) {
	ents, err := parse(strings.NewReader(entitiesCSV))
	if err != nil {
		return nil, err
	}
	return withPlaces(ents, strings.NewReader(entityPlacesCSV))
}

// parse reads a catalogue in the entities.csv format and validates it: slug
// shape, known kind, names in all three languages, unique slugs and parents
// that exist somewhere in the file (before or after the child).
func parse(r io.Reader) ([]store.Entity, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(header)
	cr.Comment = '#' // the file's notes on provenance
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("catalogue: header: %w", err)
	}
	if !slices.Equal(head, header) {
		return nil, fmt.Errorf("catalogue: line 1: header is %q, want %q", head, header)
	}
	var entities []store.Entity
	lineOf := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("catalogue: %w", err)
		}
		line, _ := cr.FieldPos(0)
		e, err := entity(rec)
		if err != nil {
			return nil, fmt.Errorf("catalogue: line %d: %w", line, err)
		}
		if first, dup := lineOf[e.Slug]; dup {
			return nil, fmt.Errorf("catalogue: line %d: slug %q already on line %d", line, e.Slug, first)
		}
		lineOf[e.Slug] = line
		entities = append(entities, e)
	}
	for _, e := range entities {
		if _, ok := lineOf[e.ParentSlug]; e.ParentSlug != "" && !ok {
			return nil, fmt.Errorf("catalogue: line %d: parent %q of %q is not in the catalogue",
				lineOf[e.Slug], e.ParentSlug, e.Slug)
		}
	}
	return entities, nil
}

// entity checks one record and turns it into an Entity.
func entity(rec []string) (store.Entity, error) {
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	e := store.Entity{
		Slug: rec[0], Kind: rec[1], ParentSlug: rec[2],
		NameKK: rec[3], NameRU: rec[4], NameEN: rec[5],
		InCatalogue: true, SlugInferred: strings.HasPrefix(rec[6], inferredMark),
	}
	switch {
	case !slugRE.MatchString(e.Slug):
		return e, fmt.Errorf("bad slug %q", e.Slug)
	case !slices.Contains(kinds, e.Kind):
		return e, fmt.Errorf("%s: unknown kind %q", e.Slug, e.Kind)
	case e.NameKK == "" || e.NameRU == "" || e.NameEN == "":
		return e, fmt.Errorf("%s: a name in kk, ru or en is empty", e.Slug)
	case e.ParentSlug == e.Slug:
		return e, fmt.Errorf("%s: is its own parent", e.Slug)
	}
	return e, nil
}

// OpenStore opens the database at dsn as every command needs it: migrated,
// with the entity catalogue synced.
func OpenStore(ctx context.Context, dsn string) (*store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	ents, err := Load()
	if err == nil {
		err = st.SyncCatalogue(ctx, ents)
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("load the entity catalogue: %w", err)
	}
	return st, nil
}
