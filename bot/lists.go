package bot

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
	"github.com/newsbot-kz/newsbot/textmatch"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// Page sizes.
const (
	latestPageSize = 10
	searchPageSize = 5
	maxQueryRunes  = 200
)

// renderList renders a header and a page of releases, numbered from
// offset+1, stopping before Telegram's length limit. It returns the HTML and
// how many releases it shows.
func renderList(header string, rels []store.Release, lang string, offset int, withSnippet bool) (string, int) {
	var m tgtext.Message
	m.Add(header+"\n\n", header) // the header's tags are few; count it as plain
	shown := 0
	for i, r := range rels {
		it := tgtext.Item(offset+i+1, r, lang, tgtext.ItemOptions{Snippet: withSnippet})
		if !m.Fits(it.Plain, 0) {
			break
		}
		m.Add(it.HTML, it.Plain)
		shown++
	}
	return strings.TrimRight(m.String(), "\n"), shown
}

// pager builds the Prev/Next row of a saved query.
func pager(lang string, qid int64, prevOffset, nextOffset int, hasPrev, hasNext bool, next tgtext.Text) []models.InlineKeyboardButton {
	var r []models.InlineKeyboardButton
	if hasPrev {
		r = append(r, button(tgtext.Tr(lang, tgtext.BtnPrev), pageCallback(qid, prevOffset)))
	}
	if hasNext {
		r = append(r, button(tgtext.Tr(lang, next), pageCallback(qid, nextOffset)))
	}
	return r
}

func (b *Bot) cmdLatest(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	return b.startPaged(ctx, c, "latest", args)
}

func (b *Bot) cmdSearch(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	if args == "" {
		b.reply(ctx, c, tgtext.Esc(tgtext.Tr(c.lang, tgtext.MsgSearchUsage)), nil)
		return nil
	}
	if utf8.RuneCountInString(args) > maxQueryRunes {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgSearchTooLong, maxQueryRunes), nil)
		return nil
	}
	if q, err := textmatch.ParseSearch(args); err == nil && textmatch.TypedTerms(q.Words) > MaxSearchTerms {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgSearchTooManyTerms, MaxSearchTerms), nil)
		return nil
	}
	return b.startPaged(ctx, c, "search", args)
}

// startPaged answers a paged command with its first page, remembering the
// query so the page buttons can carry only its id. It is a heavy command
// (heavy.go): one at a time per chat, in a limited number of slots.
func (b *Bot) startPaged(ctx context.Context, c chatCtx, command, arg string) error {
	var html string
	var kb *models.InlineKeyboardMarkup
	err := b.runHeavy(ctx, c.chat.ID, func(ctx context.Context) error {
		qid, err := b.st.SaveQuery(ctx, c.chat.ID, command, arg)
		if err != nil {
			return err
		}
		html, kb, err = b.pageOf(ctx, c, qid, command, arg, 0)
		return err
	})
	if text, ok := refusalText(c.lang, err); ok {
		b.reply(ctx, c, text, nil)
		return nil
	}
	if err != nil {
		return err
	}
	b.reply(ctx, c, html, kb)
	return nil
}

// page is another page of a saved query (a button's), as heavy a command as
// the first.
func (b *Bot) page(ctx context.Context, c chatCtx, qid int64, command, arg string, offset int) (html string, kb *models.InlineKeyboardMarkup, err error) {
	err = b.runHeavy(ctx, c.chat.ID, func(ctx context.Context) error {
		html, kb, err = b.pageOf(ctx, c, qid, command, arg, offset)
		return err
	})
	return html, kb, err
}

func (b *Bot) pageOf(ctx context.Context, c chatCtx, qid int64, command, arg string, offset int) (string, *models.InlineKeyboardMarkup, error) {
	if command == "search" {
		return b.searchPage(ctx, c, qid, arg, offset)
	}
	return b.latestPage(ctx, c, qid, arg, offset)
}

func (b *Bot) latestPage(ctx context.Context, c chatCtx, qid int64, arg string, offset int) (string, *models.InlineKeyboardMarkup, error) {
	filter, header, problem, err := b.latestFilter(ctx, c, arg)
	if err != nil || problem != "" {
		return problem, nil, err
	}
	filter.Lang = c.lang // each release in the reader's language when it has that version
	filter.Timeout = b.opts.QueryTimeout
	rels, err := b.st.Latest(ctx, filter, offset, latestPageSize+1)
	if errors.Is(err, store.ErrTimeout) {
		return "", nil, b.timedOut(c, err, tgtext.MsgLatestTimeout)
	}
	if err != nil {
		return "", nil, err
	}
	if len(rels) == 0 && offset == 0 {
		return header + "\n\n" + tgtext.Tr(c.lang, tgtext.MsgNothingYet), nil, nil
	}
	page := rels[:min(len(rels), latestPageSize)]
	html, shown := renderList(header, page, c.lang, offset, false)
	hasNext := len(rels) > shown
	return html, keyboard(pager(c.lang, qid, max(0, offset-latestPageSize), offset+shown,
		offset > 0, hasNext, tgtext.BtnMore)), nil
}

// latestFilter reads the argument of /latest: nothing (the chat's
// subscriptions, or everything when it has none), an entity slug, or a
// keyword. problem is a reply explaining a bad argument.
func (b *Bot) latestFilter(ctx context.Context, c chatCtx, raw string) (f store.LatestFilter, header, problem string, err error) {
	if raw == "" {
		subs, err := b.st.Subscriptions(ctx, c.chat.ID)
		if err != nil {
			return f, "", "", err
		}
		if len(subs) == 0 {
			return f, tgtext.Tr(c.lang, tgtext.MsgLatestAll), "", nil
		}
		return store.LatestFilter{ChatID: c.chat.ID}, tgtext.Tr(c.lang, tgtext.MsgLatestMine), "", nil
	}
	arg, argErr := subscriptions.ParseArg(raw)
	if !arg.Quoted && slugPattern.MatchString(arg.Text) {
		ent, err := b.st.EntityBySlug(ctx, arg.Text)
		if err == nil {
			return store.LatestFilter{EntityID: ent.ID}, tgtext.Tr(c.lang, tgtext.MsgLatestEntity, tgtext.Esc(ent.Name(c.lang))), "", nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return f, "", "", err
		}
	}
	if argErr != nil {
		return f, "", argProblem(c.lang, argErr), nil
	}
	return store.LatestFilter{Match: textmatch.KeywordQuery(arg.Text)},
		tgtext.Tr(c.lang, tgtext.MsgLatestKeyword, echo(arg.Text)), "", nil
}

func (b *Bot) searchPage(ctx context.Context, c chatCtx, qid int64, query string, offset int) (string, *models.InlineKeyboardMarkup, error) {
	q, err := textmatch.ParseSearch(query)
	if errors.Is(err, textmatch.ErrBadSince) {
		return tgtext.Tr(c.lang, tgtext.MsgSearchBadSince), nil, nil
	}
	if q.Match == "" {
		return tgtext.Esc(tgtext.Tr(c.lang, tgtext.MsgSearchUsage)), nil, nil
	}
	rels, err := b.st.Search(ctx, store.SearchQuery{
		Match: q.Match, EntitySlug: q.Entity, Since: q.Since, Lang: c.lang,
		Timeout: b.opts.QueryTimeout,
	}, offset, searchPageSize+1)
	if errors.Is(err, store.ErrTimeout) {
		return "", nil, b.timedOut(c, err, tgtext.MsgSearchTimeout)
	}
	if err != nil {
		return "", nil, err
	}
	for i := range rels {
		rels[i].Snippet = snippet(rels[i], q.Terms)
	}
	// The first page also offers the sources the words name, found or not.
	var sources [][]models.InlineKeyboardButton
	if offset == 0 && q.Entity == "" {
		if sources, err = b.namedSources(ctx, c, q.Match); err != nil {
			return "", nil, err
		}
	}
	if len(rels) == 0 && offset == 0 {
		if q.Entity != "" {
			if html, unknown, err := b.unknownSource(ctx, c, q.Entity); unknown || err != nil {
				return html, nil, err
			}
		}
		if len(sources) > 0 {
			return tgtext.Tr(c.lang, tgtext.MsgSearchNothingSources, echoQuery(query)), keyboard(sources...), nil
		}
		return tgtext.Tr(c.lang, tgtext.MsgSearchNothing, echoQuery(query)), nil, nil
	}
	page := rels[:min(len(rels), searchPageSize)]
	html, shown := renderList(tgtext.Tr(c.lang, tgtext.MsgSearchHeader, echoQuery(query)), page, c.lang, offset, true)
	hasNext := len(rels) > shown
	rows := append([][]models.InlineKeyboardButton{pager(c.lang, qid, max(0, offset-searchPageSize), offset+shown,
		offset > 0, hasNext, tgtext.BtnNext)}, sources...)
	return html, keyboard(rows...), nil
}

// snippet is an excerpt of a search result with the matched words marked,
// found by their canonical form and shown as written.
func snippet(r store.Release, terms []string) string {
	text := r.Body
	if strings.TrimSpace(text) == "" {
		text = r.Title
	}
	return textmatch.Highlight(text, terms, 24, store.MarkStart, store.MarkStop)
}
