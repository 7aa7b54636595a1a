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

// commands routes a command name (without "/") to its handler.
var commands map[string]commandFunc

func init() {
	commands = map[string]commandFunc{
		"start":         (*Bot).cmdStart,
		"help":          (*Bot).cmdHelp,
		"subscribe":     (*Bot).cmdSubscribe,
		"unsubscribe":   (*Bot).cmdUnsubscribe,
		"subscriptions": (*Bot).cmdSubscriptions,
		"latest":        (*Bot).cmdLatest,
		"search":        (*Bot).cmdSearch,
		"sources":       (*Bot).cmdSources,
		"language":      (*Bot).cmdLanguage,
		"digest":        (*Bot).cmdDigest,
		"timezone":      (*Bot).cmdTimezone,
		"stats":         (*Bot).cmdStats, // admins only, and not in the menu
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
	{"language", tgtext.CmdLanguage},
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
		if lang == l {
			if err := b.st.SetChatLang(ctx, c.chat.ID, l); err != nil {
				return err
			}
			b.reply(ctx, chatCtx{chat: c.chat, lang: l}, tgtext.Tr(l, tgtext.MsgLanguageSet), nil)
			return nil
		}
	}
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgLanguageUsage), nil)
	return nil
}
