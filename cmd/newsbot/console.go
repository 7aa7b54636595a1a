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
	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
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
	// The user's language follows NEWSBOT_LANG on every start, unless they
	// chose one with /language.
	if err := st.FollowTelegramLang(ctx, consoleChatID, tgtext.LangFromCode(c.user.LanguageCode)); err != nil {
		return err
	}
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
		showFirstDigest(ctx, st, stdout)
	}
}

// loadSampleIfEmpty imports the bundled sample releases into a database
// without releases, so the console has news to show. Their dates move to
// today (a digest holds only recent news), and the releases the page lists
// without a source are filed under theirs (newsbot.SampleSources).
func loadSampleIfEmpty(ctx context.Context, st *store.Store, stdout io.Writer) error {
	has, err := st.HasReleases(ctx)
	if err != nil {
		return err
	}
	if has {
		return nil
	}
	// Today as the console's user lives it: in Almaty, the default zone.
	sample := &sampleStore{st: st, today: time.Now().In(schedule.Zone(schedule.DefaultZone))}
	sum, err := ingest.Import(ctx, sample, newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		return fmt.Errorf("bundled sample: %w", err)
	}
	fmt.Fprintf(stdout, "The database was empty: loaded %d sample releases from %s, their dates moved from %s to today.\n",
		sum.New, newsbot.SampleName, sample.newest.Format(time.DateOnly))
	return nil
}

// sampleStore stores the sample's releases published as of today: the
// newest on the page becomes today, the others keep their distance to it.
type sampleStore struct {
	st     *store.Store
	today  time.Time
	newest time.Time // the page's newest date, before the move
}

func (s *sampleStore) ImportReleases(ctx context.Context, rels []store.NewRelease) (store.ImportResult, error) {
	for _, r := range rels {
		if r.PublishedOn.After(s.newest) {
			s.newest = r.PublishedOn
		}
	}
	y, m, d := s.today.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	shift := int(today.Sub(s.newest.UTC().Truncate(24*time.Hour)).Hours() / 24)
	for i := range rels {
		rels[i].PublishedOn = rels[i].PublishedOn.AddDate(0, 0, shift)
		if slug, ok := newsbot.SampleSources[rels[i].Title]; ok && rels[i].EntitySlug == "" {
			rels[i].EntitySlug = slug
		}
	}
	return s.st.ImportReleases(ctx, rels)
}

// showFirstDigest makes the console user's first digest hold the sample
// (which arrived before they subscribed), once, and says so.
func showFirstDigest(ctx context.Context, st *store.Store, stdout io.Writer) {
	changed, err := st.StartDigestFromArchive(ctx, consoleChatID)
	if err != nil {
		fmt.Fprintf(stdout, "(console: %v)\n", err)
		return
	}
	if changed {
		fmt.Fprintln(stdout, "(console: your first digest will hold the sample releases that match, as if they had just arrived: /digest now shows it.)")
	}
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
