package bench

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
)

// Options size a run. Zero fields take the defaults of a full run.
type Options struct {
	Releases    int           // archive releases, bulk-loaded; default 1,000,000
	Chats       int           // default 100,000
	NewReleases int           // the new day's releases, imported; default 3,000
	Queries     int           // /search queries; default 200
	ILIKEBudget time.Duration // time the ILIKE baseline may take; default 2 minutes
	Deliveries  []Delivery    // default 30/s for 60 s, then 1000/s for 20 s
	CPUProfile  string        // file for a CPU profile of the digest pass; "" for none
	AlertBurst  int           // releases arriving together for the alert measure; default 50
	AlertRates  []int         // Bot API limits the alerts are sent at; default 1000/s
	Seed        uint64        // default 1
	Log         *slog.Logger  // progress; nil for none
}

// Delivery is one delivery run: a Bot API limit and how long to send at it.
type Delivery struct {
	PerSecond int
	For       time.Duration
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Releases, 1_000_000)
	def(&o.Chats, 100_000)
	def(&o.NewReleases, 3_000)
	def(&o.Queries, 200)
	if o.ILIKEBudget <= 0 {
		o.ILIKEBudget = 2 * time.Minute
	}
	if len(o.Deliveries) == 0 {
		o.Deliveries = []Delivery{{PerSecond: 30, For: time.Minute}, {PerSecond: 1000, For: 20 * time.Second}}
	}
	def(&o.AlertBurst, 50)
	if len(o.AlertRates) == 0 {
		o.AlertRates = []int{1000}
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Run fills st's database, which must be freshly migrated and hold no
// releases or chats, and measures. The order matters: the archive is
// loaded and searched; the chats arrive with their last digest behind
// them; a new day's releases are imported (measuring import); every digest
// is built (measuring build time and memory); the parts it queued are sent
// (measuring delivery).
func Run(ctx context.Context, st *store.Store, o Options) (*Report, error) {
	o = o.withDefaults()
	log := o.Log
	db := st.DB().DB
	gen, err := NewGenerator(o.Seed)
	if err != nil {
		return nil, err
	}
	rep := &Report{Options: o, Machine: readMachine(ctx, db)}
	kz := time.Now().In(ingest.Kazakhstan())
	today := time.Date(kz.Year(), kz.Month(), kz.Day(), 0, 0, 0, 0, time.UTC)

	log.Info("Loading the archive", slog.Int("releases", o.Releases))
	start := time.Now()
	last, err := loadArchive(ctx, db, gen, o.Releases, today.AddDate(0, 0, -1), &rep.Data)
	if err != nil {
		return nil, err
	}
	rep.Data.LoadTime, rep.Data.Archive = time.Since(start), gen.Made

	log.Info("Searching", slog.Int("queries", o.Queries))
	queries := searchQueries(gen.rng, o.Queries, gen.ents, today)
	if rep.Search, err = measureSearch(ctx, st, queries, o.ILIKEBudget); err != nil {
		return nil, err
	}

	log.Info("Loading chats", slog.Int("chats", o.Chats))
	chats := gen.Chats(o.Chats)
	if _, err := loadChats(ctx, db, chats, last, time.Now().Add(-time.Minute)); err != nil {
		return nil, err
	}

	log.Info("Backfilling the keyword index")
	if err := backfillKeywords(ctx, st, &rep.KeywordIndex); err != nil {
		return nil, err
	}

	log.Info("Importing a new day", slog.Int("releases", o.NewReleases))
	if rep.Import, err = measureImport(ctx, st, gen.Day(o.NewReleases, today), o.NewReleases/3); err != nil {
		return nil, err
	}
	if err := timeKeywordPass(ctx, st, &rep.KeywordIndex); err != nil {
		return nil, err
	}
	if err := rep.Data.read(ctx, db); err != nil {
		return nil, err
	}

	log.Info("Building every digest")
	if rep.Digest, err = measureDigest(ctx, st, time.Now(), o.CPUProfile); err != nil {
		return nil, err
	}
	for _, d := range o.Deliveries {
		log.Info("Delivering", slog.Int("per_second", d.PerSecond), slog.Duration("for", d.For))
		res, err := measureDelivery(ctx, st, d)
		if err != nil {
			return nil, fmt.Errorf("bench: delivery at %d/s: %w", d.PerSecond, err)
		}
		rep.Delivery = append(rep.Delivery, res)
	}
	for _, rate := range o.AlertRates {
		log.Info("Alerting a burst", slog.Int("releases", o.AlertBurst), slog.Int("per_second", rate))
		res, err := measureAlerts(ctx, st, gen, o.AlertBurst, rate, today)
		if err != nil {
			return nil, fmt.Errorf("bench: alerts at %d/s: %w", rate, err)
		}
		rep.Alerts = append(rep.Alerts, res)
	}
	// Last: it adds chats of its own, which the digest must not count.
	log.Info("Timing /latest")
	if rep.Latest, err = measureLatest(ctx, st, &rep.KeywordIndex, queries); err != nil {
		return nil, err
	}
	return rep, nil
}

// RunReads measures only what reads the archive, /search and /latest, on a
// database an earlier Run filled and kept: to see a change to a query
// without loading a million releases again. Its /search queries are the
// ones Run would make with the same seed.
func RunReads(ctx context.Context, st *store.Store, o Options) (*Report, error) {
	o = o.withDefaults()
	db := st.DB().DB
	gen, err := NewGenerator(o.Seed)
	if err != nil {
		return nil, err
	}
	rep := &Report{Options: o, Machine: readMachine(ctx, db), ReadsOnly: true}
	if err := rep.Data.read(ctx, db); err != nil {
		return nil, err
	}
	if rep.Data.Releases == 0 {
		return nil, fmt.Errorf("bench: the database holds no releases: fill it with a run with --keep first")
	}
	rep.Data.Archive.Releases = int(rep.Data.Releases)
	kz := time.Now().In(ingest.Kazakhstan())
	today := time.Date(kz.Year(), kz.Month(), kz.Day(), 0, 0, 0, 0, time.UTC)
	// The catalogue may have grown since the database was filled: draw
	// entity: queries only from the entities it holds releases of.
	held, err := heldEntities(ctx, db, gen.ents)
	if err != nil {
		return nil, err
	}
	o.Log.Info("Backfilling the keyword index")
	if err := backfillKeywords(ctx, st, &rep.KeywordIndex); err != nil {
		return nil, err
	}
	o.Log.Info("Searching", slog.Int("queries", o.Queries))
	queries := searchQueries(gen.rng, o.Queries, held, today)
	if rep.Search, err = measureSearch(ctx, st, queries, o.ILIKEBudget); err != nil {
		return nil, err
	}
	o.Log.Info("Timing /latest")
	if rep.Latest, err = measureLatest(ctx, st, &rep.KeywordIndex, queries); err != nil {
		return nil, err
	}
	return rep, nil
}

// heldEntities are those of ents the database holds releases of.
func heldEntities(ctx context.Context, db *sql.DB, ents []*entity) ([]*entity, error) {
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT e.slug FROM entities e WHERE EXISTS (
		SELECT 1 FROM releases r WHERE r.entity_id = e.id)`)
	if err != nil {
		return nil, fmt.Errorf("bench: entities with releases: %w", err)
	}
	defer rows.Close()
	has := map[string]bool{}
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, err
		}
		has[slug] = true
	}
	var out []*entity
	for _, e := range ents {
		if has[e.Slug] {
			out = append(out, e)
		}
	}
	return out, rows.Err()
}
