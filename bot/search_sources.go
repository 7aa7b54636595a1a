package bot

import (
	"context"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/tgtext"
)

// MaxNamedSources is how many sources a search's words may name and still
// get a button each (store.EntitiesNamed): words that name more name a kind
// of source or a place, which the releases' text says anyway.
const MaxNamedSources = 3

// namedSources are buttons to the newest releases of the sources whose
// names the search's words match (match, a canonical tsquery), when they
// are few. A district akimat writes "the akim of the district", not its
// name: «Сырдария ауданы» is in none of its releases, and without these
// buttons the search would end at "nothing found".
func (b *Bot) namedSources(ctx context.Context, c chatCtx, match string) ([][]models.InlineKeyboardButton, error) {
	ents, err := b.st.EntitiesNamed(ctx, match, c.lang, MaxNamedSources)
	if err != nil {
		return nil, err
	}
	rows := make([][]models.InlineKeyboardButton, 0, len(ents))
	for _, e := range ents {
		// The button is a page of a saved /latest SLUG, as that command's
		// own first page would be, so its More button pages on from there.
		qid, err := b.st.SaveQuery(ctx, c.chat.ID, "latest", e.Slug)
		if err != nil {
			return nil, err
		}
		label := tgtext.Tr(c.lang, tgtext.BtnNewestFrom, tgtext.Truncate(e.ShortName(c.lang), maxSourceButtonRunes))
		rows = append(rows, row(button(label, pageCallback(qid, 0))))
	}
	return rows, nil
}

// maxSourceButtonRunes keeps a source's button on one line of a phone.
const maxSourceButtonRunes = 40
