package bot

import (
	"context"
	"strconv"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
)

const (
	cataloguePageSize = 10
	sourcesLimit      = 25
)

var kinds = []struct {
	kind  string
	label text
}{
	{store.KindAkimat, text{kk: "Әкімдіктер", ru: "Акиматы", en: "Akimats"}},
	{store.KindMinistry, text{kk: "Министрліктер", ru: "Министерства", en: "Ministries"}},
	{store.KindEmbassy, text{kk: "Елшіліктер мен өкілдіктер", ru: "Посольства и представительства", en: "Embassies and missions"}},
	{store.KindOther, text{kk: "Басқалары", ru: "Другие", en: "Other"}},
}

func kindLabel(lang, kind string) string {
	for _, k := range kinds {
		if k.kind == kind {
			return k.label.in(lang)
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
			rows = append(rows, row(button(k.label.in(c.lang)+" ("+strconv.Itoa(n)+")", "cat:"+k.kind+":0")))
		}
	}
	return tr(c.lang, msgCatalogue), keyboard(rows...), nil
}

// cataloguePage lists the entities of one kind as buttons that subscribe.
func (b *Bot) cataloguePage(ctx context.Context, c chatCtx, kind string, offset int) (string, *models.InlineKeyboardMarkup, error) {
	ents, err := b.st.EntitiesByKind(ctx, kind, offset, cataloguePageSize+1)
	if err != nil {
		return "", nil, err
	}
	var rows [][]models.InlineKeyboardButton
	for _, e := range ents[:min(len(ents), cataloguePageSize)] {
		rows = append(rows, row(button(Truncate(e.Name(c.lang), 60), "se:"+strconv.FormatInt(e.ID, 10))))
	}
	var nav []models.InlineKeyboardButton
	if offset > 0 {
		nav = append(nav, button(tr(c.lang, btnPrev), "cat:"+kind+":"+strconv.Itoa(max(0, offset-cataloguePageSize))))
	}
	nav = append(nav, button("⌂", "cat"))
	if len(ents) > cataloguePageSize {
		nav = append(nav, button(tr(c.lang, btnNext), "cat:"+kind+":"+strconv.Itoa(offset+cataloguePageSize)))
	}
	rows = append(rows, nav)
	return tr(c.lang, msgCataloguePage, Esc(kindLabel(c.lang, kind))), keyboard(rows...), nil
}

func (b *Bot) cmdSources(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	if args == "" {
		html, kb, err := b.catalogueKinds(ctx, c)
		if err != nil {
			return err
		}
		b.reply(ctx, c, html+"\n"+tr(c.lang, msgSourcesHint), kb)
		return nil
	}
	ents, err := b.st.FindEntities(ctx, args, sourcesLimit)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		b.reply(ctx, c, tr(c.lang, msgNoSource, Esc(args)), nil)
		return nil
	}
	var m msg
	m.add(tr(c.lang, msgSourcesFound, Esc(args)), "")
	for _, e := range ents {
		name := Truncate(e.Name(c.lang), maxEntityRunes)
		plain := "\n• " + name + " — " + e.Slug + " (" + kindLabel(c.lang, e.Kind) + ")"
		if !m.fits(plain, 2) {
			m.text("\n…")
			break
		}
		m.add("\n• "+Esc(name)+" — <code>"+Esc(e.Slug)+"</code> ("+Esc(kindLabel(c.lang, e.Kind))+")", plain)
	}
	b.reply(ctx, c, m.String(), nil)
	return nil
}

var (
	msgCatalogue = text{
		kk: "Дереккөз түрін таңдаңыз немесе /subscribe-тан кейін атауын не сөзді жазыңыз:",
		ru: "Выберите вид источника или напишите после /subscribe его код или слово:",
		en: "Choose a kind of source, or send /subscribe followed by a source code or a word:",
	}
	msgCataloguePage = text{
		kk: "<b>%s</b> — жазылу үшін басыңыз:",
		ru: "<b>%s</b> — нажмите, чтобы подписаться:",
		en: "<b>%s</b> — tap one to follow it:",
	}
	msgSourcesHint = text{
		kk: "Іздеу: /sources Будапешт",
		ru: "Поиск: /sources Будапешт",
		en: "Search: /sources Budapest",
	}
	msgSourcesFound = text{
		kk: "<b>«%s» бойынша дереккөздер:</b>",
		ru: "<b>Источники по запросу «%s»:</b>",
		en: "<b>Sources matching “%s”:</b>",
	}
	msgNoSource = text{
		kk: "«%s» бойынша дереккөз табылмады. /sources — барлық түрлері.",
		ru: "Источников по запросу «%s» нет. /sources — все виды.",
		en: "No source matches “%s”. /sources shows them all by kind.",
	}
)
