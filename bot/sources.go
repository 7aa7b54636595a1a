package bot

import (
	"context"
	"strconv"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
	"github.com/newsbot-kz/newsbot/tgtext"
)

const (
	cataloguePageSize = 10
	sourcesLimit      = 25
)

var kinds = []struct {
	kind  string
	label tgtext.Text
}{
	{store.KindAkimat, tgtext.KindAkimat},
	{store.KindMinistry, tgtext.KindMinistry},
	{store.KindEmbassy, tgtext.KindEmbassy},
	{store.KindOther, tgtext.KindOther},
}

func kindLabel(lang, kind string) string {
	for _, k := range kinds {
		if k.kind == kind {
			return k.label.In(lang)
		}
	}
	return kind
}

// catalogueKinds is the root of the catalogue: one button per kind.
func (b *Bot) catalogueKinds(ctx context.Context, c chatCtx) (string, *models.InlineKeyboardMarkup, error) {
	counts, err := b.st.EntityCounts(ctx)
	if err != nil {
		return "", nil, err
	}
	var rows [][]models.InlineKeyboardButton
	for _, k := range kinds {
		if n := counts[k.kind]; n > 0 {
			rows = append(rows, row(button(k.label.In(c.lang)+" ("+strconv.Itoa(n)+")", cataloguePageCallback(k.kind, 0))))
		}
	}
	return tgtext.Tr(c.lang, tgtext.MsgCatalogue), keyboard(rows...), nil
}

// cataloguePage lists the entities of one kind as buttons that subscribe.
func (b *Bot) cataloguePage(ctx context.Context, c chatCtx, kind string, offset int) (string, *models.InlineKeyboardMarkup, error) {
	ents, err := b.st.EntitiesByKind(ctx, kind, c.lang, offset, cataloguePageSize+1)
	if err != nil {
		return "", nil, err
	}
	var rows [][]models.InlineKeyboardButton
	for _, e := range ents[:min(len(ents), cataloguePageSize)] {
		rows = append(rows, row(button(tgtext.Truncate(e.ShortName(c.lang), 60), followCallback(e.ID))))
	}
	var nav []models.InlineKeyboardButton
	if offset > 0 {
		nav = append(nav, button(tgtext.Tr(c.lang, tgtext.BtnPrev), cataloguePageCallback(kind, max(0, offset-cataloguePageSize))))
	}
	nav = append(nav, button("⌂", catalogueCallback()))
	if len(ents) > cataloguePageSize {
		nav = append(nav, button(tgtext.Tr(c.lang, tgtext.BtnNext), cataloguePageCallback(kind, offset+cataloguePageSize)))
	}
	rows = append(rows, nav)
	return tgtext.Tr(c.lang, tgtext.MsgCataloguePage, tgtext.Esc(kindLabel(c.lang, kind))), keyboard(rows...), nil
}

func (b *Bot) cmdSources(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	if args == "" {
		html, kb, err := b.catalogueKinds(ctx, c)
		if err != nil {
			return err
		}
		b.reply(ctx, c, html+"\n"+tgtext.Tr(c.lang, tgtext.MsgSourcesHint), kb)
		return nil
	}
	ents, err := b.st.FindEntities(ctx, args, textmatch.SearchQuery(args), c.lang, sourcesLimit)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgNoSource, echo(args)), nil)
		return nil
	}
	var m tgtext.Message
	m.Add(tgtext.Tr(c.lang, tgtext.MsgSourcesFound, echo(args)), "")
	for _, e := range ents {
		name := tgtext.Truncate(e.Name(c.lang), tgtext.MaxSourceRunes)
		plain := "\n• " + name + " — " + e.Slug + " (" + kindLabel(c.lang, e.Kind) + ")"
		if !m.Fits(plain, 2) {
			m.Text("\n…")
			break
		}
		m.Add("\n• "+tgtext.Esc(name)+" — <code>"+tgtext.Esc(e.Slug)+"</code> ("+tgtext.Esc(kindLabel(c.lang, e.Kind))+")", plain)
	}
	b.reply(ctx, c, m.String(), nil)
	return nil
}
