package bot

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/subscriptions"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// slugPattern is what an unquoted argument must look like to be tried as an
// entity slug.
var slugPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

func (b *Bot) cmdSubscribe(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	if args == "" {
		html, kb, err := b.catalogueKinds(ctx, c)
		if err != nil {
			return err
		}
		b.reply(ctx, c, html, kb)
		return nil
	}
	arg, err := subscriptions.ParseArg(args)
	if !arg.Quoted && slugPattern.MatchString(arg.Text) {
		ent, lookupErr := b.st.EntityBySlug(ctx, arg.Text)
		if lookupErr == nil {
			return b.subscribeEntity(ctx, c, ent, true)
		}
		if !errors.Is(lookupErr, store.ErrNotFound) {
			return lookupErr
		}
	}
	if err != nil {
		b.reply(ctx, c, argProblem(c.lang, err), nil)
		return nil
	}
	return b.subscribeKeyword(ctx, c, arg.Text)
}

// subscribeEntity follows an entity. offerWord adds a button to also follow
// the slug as a word in all news.
func (b *Bot) subscribeEntity(ctx context.Context, c chatCtx, ent store.Entity, offerWord bool) error {
	sub, created, err := b.st.AddSubscription(ctx, store.NewSubscription{
		ChatID: c.chat.ID, Kind: store.SubEntity, Value: ent.Slug, Normalized: ent.Slug, EntityID: ent.ID,
		At: b.opts.Now(),
	}, subscriptions.MaxPerChat)
	if errors.Is(err, store.ErrTooManySubscriptions) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgTooMany, subscriptions.MaxPerChat), nil)
		return nil
	}
	if err != nil {
		return err
	}
	name := tgtext.Esc(ent.Name(c.lang))
	if !created {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgAlreadyFollow, name), nil)
		return nil
	}
	rows := [][]models.InlineKeyboardButton{row(button(tgtext.Tr(c.lang, tgtext.BtnAlertMe), modeCallback(sub.ID, store.DeliverInstant)))}
	if offerWord {
		rows = append(rows, row(button(tgtext.Tr(c.lang, tgtext.BtnAlsoWord, ent.Slug), followWordCallback(ent.ID))))
	}
	kb := keyboard(rows...)
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgFollowEntity, name, tgtext.Esc(ent.Slug))+
		b.recentMatches(ctx, c, store.LatestFilter{EntityID: ent.ID}), kb)
	return nil
}

func (b *Bot) subscribeKeyword(ctx context.Context, c chatCtx, keyword string) error {
	n := subscriptions.KeywordSubscription(c.chat.ID, keyword)
	n.At = b.opts.Now()
	sub, created, err := b.st.AddSubscription(ctx, n, subscriptions.MaxPerChat)
	if errors.Is(err, store.ErrTooManySubscriptions) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgTooMany, subscriptions.MaxPerChat), nil)
		return nil
	}
	if err != nil {
		return err
	}
	if !created {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgAlreadyFollow, tgtext.Quote(c.lang, echo(sub.Value))), nil)
		return nil
	}
	text := tgtext.Tr(c.lang, tgtext.MsgFollowKeyword, echo(keyword)) + b.recentMatches(ctx, c, store.LatestFilter{Match: sub.MatchQuery})
	// When entity names contain the word (or name the place it is), offer to follow the source instead
	// (the sources the chat does not follow yet).
	ents, err := b.st.FindEntities(ctx, keyword, sub.MatchQuery, c.lang, 5)
	if err != nil {
		return err
	}
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	followed := map[int64]bool{}
	for _, s := range subs {
		if s.EntityID != nil {
			followed[*s.EntityID] = true
		}
	}
	rows := [][]models.InlineKeyboardButton{row(button(tgtext.Tr(c.lang, tgtext.BtnAlertMe), modeCallback(sub.ID, store.DeliverInstant)))}
	for _, e := range ents {
		if followed[e.ID] {
			continue
		}
		rows = append(rows, row(button(tgtext.Truncate(e.ShortName(c.lang), 60),
			followInsteadCallback(e.ID, sub.ID))))
	}
	if len(rows) > 1 {
		text += "\n\n" + tgtext.Tr(c.lang, tgtext.MsgSourceInstead)
	}
	b.reply(ctx, c, text, keyboard(rows...))
	return nil
}

// argProblem explains why an argument was refused.
func argProblem(lang string, err error) string {
	switch {
	case errors.Is(err, subscriptions.ErrTooShort):
		return tgtext.Tr(lang, tgtext.MsgKeywordTooShort, subscriptions.MinKeywordRunes)
	case errors.Is(err, subscriptions.ErrTooLong):
		return tgtext.Tr(lang, tgtext.MsgKeywordTooLong, subscriptions.MaxKeywordRunes)
	case errors.Is(err, subscriptions.ErrNoWords):
		return tgtext.Tr(lang, tgtext.MsgKeywordNoWords)
	}
	return tgtext.Tr(lang, tgtext.MsgSubscribeUsage)
}

func (b *Bot) cmdUnsubscribe(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	if args == "" {
		html, kb, err := b.unsubscribeList(ctx, c)
		if err != nil {
			return err
		}
		b.reply(ctx, c, html, kb)
		return nil
	}
	arg, _ := subscriptions.ParseArg(args)
	sub, err := b.findSubscription(ctx, c.chat.ID, arg)
	if err == nil {
		err = b.unsubscribe(ctx, c, sub.ID)
	}
	if errors.Is(err, store.ErrNotFound) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgNotFollowing, echo(arg.Text)), nil)
		return nil
	}
	return err
}

// findSubscription finds the subscription an /unsubscribe argument names: an
// entity slug when unquoted and followed, otherwise a keyword.
func (b *Bot) findSubscription(ctx context.Context, chatID int64, arg subscriptions.Arg) (store.Subscription, error) {
	if !arg.Quoted {
		sub, err := b.st.FindSubscription(ctx, chatID, store.SubEntity, strings.ToLower(arg.Text))
		if !errors.Is(err, store.ErrNotFound) {
			return sub, err
		}
	}
	return b.st.FindSubscription(ctx, chatID, store.SubKeyword, subscriptions.Normalize(arg.Text))
}

// unsubscribe removes a subscription of the chat and confirms it; a
// subscription that is already gone is store.ErrNotFound.
func (b *Bot) unsubscribe(ctx context.Context, c chatCtx, subID int64) error {
	sub, err := b.st.RemoveSubscription(ctx, c.chat.ID, subID)
	if err != nil {
		return err
	}
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgUnfollowed, tgtext.Esc(b.subscriptionName(ctx, c.lang, sub))), nil)
	return nil
}

func (b *Bot) subscriptionName(ctx context.Context, lang string, sub store.Subscription) string {
	if sub.Kind == store.SubEntity && sub.EntityID != nil {
		if e, err := b.st.EntityByID(ctx, *sub.EntityID); err == nil {
			return e.Name(lang)
		}
	}
	return tgtext.Quote(lang, sub.Value)
}

func (b *Bot) unsubscribeList(ctx context.Context, c chatCtx) (string, *models.InlineKeyboardMarkup, error) {
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil || len(subs) == 0 {
		return tgtext.Tr(c.lang, tgtext.MsgNoSubscriptions), nil, err
	}
	rows := make([][]models.InlineKeyboardButton, 0, len(subs))
	for _, s := range subs {
		rows = append(rows, row(button("✖ "+tgtext.Truncate(viewName(s, c.lang), 60),
			unfollowCallback(s.ID))))
	}
	return tgtext.Tr(c.lang, tgtext.MsgTapToRemove), keyboard(rows...), nil
}

func (b *Bot) cmdSubscriptions(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	html, kb, err := b.subscriptionList(ctx, c)
	if err != nil {
		return err
	}
	b.reply(ctx, c, html, kb)
	return nil
}

// subscriptionList is the chat's subscriptions, each with how it is
// delivered, and a button per subscription that changes that.
func (b *Bot) subscriptionList(ctx context.Context, c chatCtx) (string, *models.InlineKeyboardMarkup, error) {
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil {
		return "", nil, err
	}
	if len(subs) == 0 {
		return tgtext.Tr(c.lang, tgtext.MsgNoSubscriptions), nil, nil
	}
	var m tgtext.Message
	m.Add(tgtext.Tr(c.lang, tgtext.MsgYourSubscriptions, len(subs), subscriptions.MaxPerChat), "")
	rows := make([][]models.InlineKeyboardButton, 0, len(subs))
	for _, s := range subs {
		line := "\n• " + viewName(s, c.lang)
		if s.Kind == store.SubEntity {
			line += " (" + s.Value + ")"
		}
		line += " — " + tgtext.ModeName(c.lang, s.Delivery)
		if !m.Fits(line, 300+headingReserve) {
			m.Text("\n…")
			break
		}
		m.Text(line)
		rows = append(rows, row(modeButton(s, c.lang)))
	}
	m.Add("\n\n"+tgtext.Tr(c.lang, tgtext.MsgSubscriptionsModes), "")
	return m.String(), keyboard(rows...), nil
}

// viewName is how a subscription is shown: the entity's name or the keyword
// in the quotation marks of lang.
func viewName(s store.SubscriptionView, lang string) string {
	if s.Entity != nil {
		return s.Entity.Name(lang)
	}
	return tgtext.Quote(lang, s.Value)
}
