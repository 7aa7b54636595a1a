package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// openStore creates the database when it does not exist, migrates it and
// loads the entity catalogue: every command starts from a current schema.
func openStore(ctx context.Context, cfg Config) (*store.Store, error) {
	if err := store.EnsureDatabase(ctx, cfg.DatabaseURL); err != nil {
		return nil, err
	}
	st, err := catalogue.OpenStore(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	// Keyword subscriptions get the query today's matching rules give them.
	if err := st.RefreshMatchQueries(ctx, textmatch.KeywordQuery); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func runMigrate(ctx context.Context, cfg Config, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(stdout, "database is migrated and the entity catalogue is loaded")
	return nil
}

// runImport imports each file in its own transaction and prints one summary
// line per file. A file that fails changes nothing; the others still import.
func runImport(ctx context.Context, cfg Config, files []string, stdout io.Writer) error {
	if len(files) == 0 {
		return usageError("import needs at least one FILE")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	var failed []string
	for _, f := range files {
		sum, err := ingest.ImportFile(ctx, st, f)
		if err != nil {
			fmt.Fprintf(stdout, "%s: nothing imported: %v\n", f, err)
			failed = append(failed, f)
			continue
		}
		fmt.Fprintln(stdout, sum.String())
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d files failed: %s", len(failed), len(files), strings.Join(failed, ", "))
	}
	return nil
}

func runSearch(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	query := strings.TrimSpace(strings.Join(args, " "))
	if query == "" {
		return usageError("search needs a QUERY")
	}
	// The query is checked before the database is opened: a mistake in it
	// is said at once, whether the database is up or not.
	q, err := textmatch.ParseSearch(query)
	if err != nil {
		return usageError("search: since: wants a date, YYYY-MM-DD")
	}
	if q.Match == "" {
		return usageError("search: the query has no word to look for")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	rels, err := st.Search(ctx, store.SearchQuery{
		Match: q.Match, EntitySlug: q.Entity, Since: q.Since}, 0, 20)
	if err != nil {
		return err
	}
	if len(rels) == 0 {
		fmt.Fprintf(stdout, "nothing found for %q\n", query)
	}
	for i, r := range rels {
		source := "unknown source"
		if r.Entity != nil {
			source = r.Entity.Name("en") + " (" + r.Entity.Slug + ")"
		}
		title := r.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(stdout, "%d. %s\n   %s · %s\n", i+1, title, source, r.PublishedOn.Format("02.01.2006"))
		if r.URL != "" {
			fmt.Fprintf(stdout, "   %s\n", r.URL)
		}
		text := r.Body
		if text == "" {
			text = r.Title
		}
		// Matched words in [brackets]: a terminal has no bold.
		fmt.Fprintf(stdout, "   …%s…\n", textmatch.Highlight(text, q.Terms, 24, "[", "]"))
	}
	if q.Entity == "" {
		return printNamedSources(ctx, st, q.Match, stdout)
	}
	return nil
}

// printNamedSources names the sources whose names the search's words match,
// as the bot's buttons do (bot/search_sources.go): their releases may not
// repeat the name (a district akimat writes "the district").
func printNamedSources(ctx context.Context, st *store.Store, match string, stdout io.Writer) error {
	ents, err := st.EntitiesNamed(ctx, match, "en", bot.MaxNamedSources)
	if err != nil || len(ents) == 0 {
		return err
	}
	fmt.Fprintln(stdout, "sources of that name, whose releases may not repeat it (newsbot search entity:CODE WORDS):")
	for _, e := range ents {
		fmt.Fprintf(stdout, "   %s (%s)\n", e.Name("en"), e.Slug)
	}
	return nil
}
