package catalogue

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// entity_places.csv says which places of textmatch/places.tsv an entity
// serves: an embassy its country and city, an akimat its region or city
// and the region's centre. /sources finds the entity by every name of
// those places (Венгрия, Мажарстан, Hungary, Будапешт for the embassy in
// Hungary), kept apart from entities.csv so that the catalogue's rows and
// their evidence stay as they were attested.
//
//go:embed entity_places.csv
var entityPlacesCSV string

var placesHeader = []string{"slug", "places"}

// withPlaces gives each entity named in entity_places.csv (in that format
// in r) the names of its places as aliases. Every slug must be in ents and
// every place in the places table.
func withPlaces(ents []store.Entity, r io.Reader) ([]store.Entity, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(placesHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("catalogue: entity places: header: %w", err)
	}
	if !slices.Equal(head, placesHeader) {
		return nil, fmt.Errorf("catalogue: entity places: header is %q, want %q", head, placesHeader)
	}
	index := map[string]int{}
	for i, e := range ents {
		index[e.Slug] = i
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return ents, nil
		}
		if err != nil {
			return nil, fmt.Errorf("catalogue: entity places: %w", err)
		}
		line, _ := cr.FieldPos(0)
		i, ok := index[rec[0]]
		if !ok {
			return nil, fmt.Errorf("catalogue: entity places: line %d: %q is not in the catalogue", line, rec[0])
		}
		var names []string
		for _, id := range strings.Fields(rec[1]) {
			p, ok := textmatch.PlaceByID(id)
			if !ok {
				return nil, fmt.Errorf("catalogue: entity places: line %d: %s: no place %q in textmatch/places.tsv", line, rec[0], id)
			}
			names = append(names, p.Names()...)
		}
		ents[i].Aliases = strings.Join(names, "; ")
	}
}
