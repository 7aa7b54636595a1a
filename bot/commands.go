package bot

import (
	"context"
	"strings"
	"unicode/utf16"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// commandFunc answers one command. args is the text after the command.
type commandFunc func(b *Bot, ctx context.Context, c chatCtx, args string, from *models.User) error

// command is a command's handler and what it may touch.
type command struct {
	run commandFunc
	// changes reports whether this use of the command changes the chat's
	// settings or subscriptions, which in groups and channels only their
	// administrators may do; nil for a command that only reads.
	changes func(args string) bool
	// settings commands sent in a private chat that acts on a channel
	// (/channel) read and change the channel.
	settings bool
}

// commands routes a command name (without "/") to its handler.
var commands map[string]command

func init() {
	always := func(string) bool { return true }
	withArgs := func(args string) bool { return strings.TrimSpace(args) != "" }
	digestChanges := func(args string) bool {
		arg := strings.ToLower(strings.TrimSpace(args))
		return arg != "" && arg != "now"
	}
	commands = map[string]command{
		"start":         {run: (*Bot).cmdStart},
		"help":          {run: (*Bot).cmdHelp},
		"subscribe":     {run: (*Bot).cmdSubscribe, changes: withArgs, settings: true}, // bare: the catalogue, whose buttons are checked
		"unsubscribe":   {run: (*Bot).cmdUnsubscribe, changes: always, settings: true},
		"subscriptions": {run: (*Bot).cmdSubscriptions, settings: true},
		"latest":        {run: (*Bot).cmdLatest},
		"search":        {run: (*Bot).cmdSearch},
		"sources":       {run: (*Bot).cmdSources},
		"language":      {run: (*Bot).cmdLanguage, changes: withArgs, settings: true},
		"digest":        {run: (*Bot).cmdDigest, changes: digestChanges, settings: true},
		"timezone":      {run: (*Bot).cmdTimezone, changes: withArgs, settings: true},
		"channel":       {run: (*Bot).cmdChannel},
		"alerts":        {run: (*Bot).cmdAlerts, changes: withArgs, settings: true},
		"stats":         {run: (*Bot).cmdStats}, // admins only, and not in the menu
	}
}

// menu is the command menu registered with setMyCommands, in each language.
var menu = []struct {
	command string
	desc    tgtext.Text
}{
	{"latest", tgtext.CmdLatest},
	{"search", tgtext.CmdSearch},
	{"subscribe", tgtext.CmdSubscribe},
	{"unsubscribe", tgtext.CmdUnsubscribe},
	{"subscriptions", tgtext.CmdSubscriptions},
	{"sources", tgtext.CmdSources},
	{"digest", tgtext.CmdDigest},
	{"timezone", tgtext.CmdTimezone},
	{"alerts", tgtext.CmdAlerts},
	{"language", tgtext.CmdLanguage},
	{"channel", tgtext.CmdChannel},
	{"help", tgtext.CmdHelp},
}

// RegisterCommands sets the command menu for each language, and the English
// one as the default for every other language.
func (b *Bot) RegisterCommands(ctx context.Context) error {
	for _, lang := range append([]string{""}, tgtext.Languages...) {
		cmds := make([]models.BotCommand, len(menu))
		for i, m := range menu {
			cmds[i] = models.BotCommand{Command: m.command, Description: m.desc.In(lang)}
		}
		if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
			Commands: cmds, LanguageCode: lang,
		}); err != nil {
			return err
		}
	}
	return nil
}

// parseCommand reads a command the way Telegram marks it: a bot_command
// entity at the start of the text. It returns the lower-cased name without
// "/" and the arguments. A command addressed to another bot ("/start@other")
// is a command with an empty name.
func parseCommand(m *models.Message, username string) (cmd, args string, ok bool) {
	for _, e := range m.Entities {
		if e.Type != models.MessageEntityTypeBotCommand || e.Offset != 0 {
			continue
		}
		// Entity offsets and lengths count UTF-16 code units.
		units := utf16.Encode([]rune(m.Text))
		if e.Length > len(units) || e.Length < 2 {
			return "", "", false
		}
		name := string(utf16.Decode(units[1:e.Length]))
		rest := string(utf16.Decode(units[e.Length:]))
		if at := strings.IndexByte(name, '@'); at >= 0 {
			if !strings.EqualFold(name[at+1:], username) {
				return "", "", true
			}
			name = name[:at]
		}
		return strings.ToLower(name), strings.TrimSpace(cleanText(rest)), true
	}
	return "", "", false
}

func (b *Bot) cmdStart(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	b.reply(ctx, c, tgtext.Esc(tgtext.Tr(c.lang, tgtext.MsgWelcome)), nil)
	return nil
}

func (b *Bot) cmdHelp(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgHelp), nil)
	return nil
}

func (b *Bot) cmdLanguage(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	lang := strings.ToLower(strings.TrimSpace(args))
	for _, l := range tgtext.Languages {
		if lang != l {
			continue
		}
		if err := b.st.SetChatLang(ctx, c.chat.ID, l); err != nil {
			return err
		}
		if c.actingOnChannel() {
			// The channel's digests change language; its admin is still
			// answered in theirs.
			b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgChannelLanguageSet, tgtext.Esc(tgtext.LanguageName(c.lang, l))), nil)
			return nil
		}
		c.lang = l
		b.reply(ctx, c, tgtext.Tr(l, tgtext.MsgLanguageSet), nil)
		return nil
	}
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgLanguageUsage), nil)
	return nil
}
