package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/loglevel"
	"github.com/newsbot-kz/newsbot/store"
)

// consoleChatID is the private chat of the person at the terminal.
const consoleChatID = 1001

// runConsole is a local chat with the bot: each line of stdin is a message
// (or, as a number, a press of the last message's button), each answer is
// printed as text. The bot runs unchanged against an in-process fake Bot
// API, so every command behaves as it would in Telegram. getenv gives the
// user's language (consoleLang).
func runConsole(ctx context.Context, cfg Config, log *slog.Logger, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := loadSampleIfEmpty(ctx, st, stdout); err != nil {
		return err
	}
	fake := fakebotapi.New(fakebotapi.WithUsername("newsbot_console_bot"), fakebotapi.WithPollWait(200*time.Millisecond))
	defer fake.Close()
	handled := make(chan int64, 64)
	// Only warnings reach the terminal: the conversation is the output.
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if log != nil {
		quiet = loglevel.AtLeast(log, slog.LevelWarn)
	}
	// /digest works as in Telegram (settings, and "/digest now" to see the
	// next digest); the console does not run the 09:00 scheduler itself.
	digests := digest.NewService(st, digest.NewBuilder(st, cfg.Digest.buildOptions(quiet, nil)), nil)
	b, err := bot.New(ctx, st, bot.Options{
		Token: "1001:console-token-not-secret-000000", ServerURL: fake.URL(), Logger: quiet,
		AfterUpdate: func(id int64) { handled <- id }, Digest: digests,
	})
	if err != nil {
		return err
	}
	runCtx, stopBot := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- b.Run(runCtx) }()
	defer func() { stopBot(); <-done }()

	c := &consoleChat{fake: fake, out: stdout, user: fakebotapi.User{
		ID: consoleChatID, FirstName: "You", LanguageCode: consoleLang(getenv)}}
	fmt.Fprintln(stdout, "newsbot console: type commands as you would in Telegram (/start, /help).")
	fmt.Fprintln(stdout, "Type a button's number to press it. Ctrl-D or /quit ends.")
	lines := bufio.NewScanner(stdin)
	lines.Buffer(make([]byte, 64*1024), 1024*1024)
	for {
		fmt.Fprint(stdout, "> ")
		if !lines.Scan() {
			fmt.Fprintln(stdout)
			return lines.Err()
		}
		line := strings.TrimSpace(lines.Text())
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		if !c.input(line) {
			continue
		}
		if err := waitHandled(ctx, handled); err != nil {
			return err
		}
		c.printNew()
	}
}

// loadSampleIfEmpty imports the bundled sample releases into a database
// without releases, so the console has news to show.
func loadSampleIfEmpty(ctx context.Context, st *store.Store, stdout io.Writer) error {
	has, err := st.HasReleases(ctx)
	if err != nil {
		return err
	}
	if has {
		return nil
	}
	sum, err := ingest.Import(ctx, st, newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		return fmt.Errorf("bundled sample: %w", err)
	}
	fmt.Fprintf(stdout, "The database was empty: loaded %d sample releases from %s.\n", sum.New, newsbot.SampleName)
	return nil
}

// waitHandled waits for the bot to finish the one update the console sent.
func waitHandled(ctx context.Context, handled <-chan int64) error {
	select {
	case <-handled:
		return nil
	case <-time.After(time.Minute):
		return fmt.Errorf("the bot did not answer within a minute")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// consoleLang is the console user's Telegram language, from NEWSBOT_LANG or
// the locale (LANG=ru_RU.UTF-8 gives "ru").
func consoleLang(getenv func(string) string) string {
	for _, v := range []string{getenv("NEWSBOT_LANG"), getenv("LANG")} {
		if len(v) >= 2 {
			return strings.ToLower(v[:2])
		}
	}
	return "en"
}

// consoleChat keeps track of what has been printed.
type consoleChat struct {
	fake      *fakebotapi.Server
	out       io.Writer
	user      fakebotapi.User
	printed   map[int64]time.Time // message id -> version printed (edit time)
	buttonsOf int64               // the message whose buttons the numbers press
	buttons   []fakebotapi.Button
}

// input sends a line to the bot: a number presses a button of the last
// message that had buttons, anything else is a message.
func (c *consoleChat) input(line string) bool {
	if n, err := strconv.Atoi(line); err == nil {
		if n < 1 || n > len(c.buttons) {
			fmt.Fprintf(c.out, "(there is no button %d)\n", n)
			return false
		}
		btn := c.buttons[n-1]
		if btn.CallbackData == "" {
			fmt.Fprintf(c.out, "(a link: %s)\n", btn.URL)
			return false
		}
		c.fake.Press(consoleChatID, c.user, c.buttonsOf, btn.CallbackData)
		return true
	}
	c.fake.SendText(consoleChatID, c.user, line)
	return true
}
