package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/loglevel"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// runDigest runs "digest run" (one pass, then deliver what is queued) or
// "digest preview" (print a chat's next digest, changing nothing).
func runDigest(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("digest needs run or preview")
	}
	fs := flag.NewFlagSet("digest "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	nowFlag := fs.String("now", "", "the time the pass reads, RFC 3339 (default: now)")
	chat := fs.Int64("chat", 0, "the chat to preview")
	wait := fs.Duration("wait", 2*time.Minute, "run: how long to deliver before leaving the rest queued for serve")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(err.Error())
	}
	now := time.Now()
	if *nowFlag != "" {
		t, err := time.Parse(time.RFC3339, *nowFlag)
		if err != nil {
			return usageError("--now must be an RFC 3339 time, like 2025-11-26T09:00:00+05:00")
		}
		now = t
	}
	switch args[0] {
	case "run":
		if err := cfg.Validate(true); err != nil {
			return err
		}
		if *wait <= 0 {
			return usageError("--wait must be a duration above zero, like 2m")
		}
		return digestRun(ctx, cfg, log, now, *wait)
	case "preview":
		if *chat == 0 {
			return usageError("digest preview needs --chat ID")
		}
		return digestPreview(ctx, cfg, log, *chat, now, stdout)
	}
	return usageError(fmt.Sprintf("unknown digest command %q", args[0]))
}

// digestRun builds the digests due at now and delivers them, logging one
// line of what the run did. now decides only what is due and what the
// digests hold: the parts go at once, paced and retried by the real clock.
// It returns when every queued part is sent or given up, or after wait,
// leaving the rest queued for serve. Its error (exit status 1) says what was
// left: builds that failed, parts given up, parts still queued.
func digestRun(ctx context.Context, cfg Config, log *slog.Logger, now time.Time, wait time.Duration) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := bot.New(ctx, st, bot.Options{Token: cfg.TelegramToken, ServerURL: cfg.TelegramAPIURL, Logger: log})
	if err != nil {
		return err
	}
	pass, err := digest.NewBuilder(st, cfg.Digest.buildOptions(log, nil)).RunPass(ctx, now)
	if err != nil {
		return err
	}
	// The sender's own summary would be a second line: its warnings and
	// errors still show, the summary is the one below.
	quiet := loglevel.AtLeast(log, slog.LevelWarn)
	sender := digest.NewSender(st, b.Client(), cfg.Digest.senderOptions(quiet, nil))
	sent, pending, err := sender.Drain(ctx, time.Now().Add(wait))
	log.Info("Digest run", slog.Time("now", now), slog.Int("chats_due", pass.Due),
		slog.Int("digests_built", pass.Built), slog.Int("parts_queued", pass.Parts),
		slog.Int("parts_sent", sent.Sent), slog.Int("failed", pass.Failed+sent.Failed),
		slog.Int("dropped", sent.Dropped), slog.Int("still_queued", pending),
		slog.Duration("duration", pass.Duration+sent.Duration))
	if err != nil {
		return err
	}
	return runLeftovers(pass.Failed, sent.Failed, pending, wait)
}

// runLeftovers is digest run's error when it left something undone, nil
// when it did everything.
func runLeftovers(buildFailed, partsFailed, pending int, wait time.Duration) error {
	var left []string
	if buildFailed > 0 {
		left = append(left, fmt.Sprintf("%d chats' digests could not be built (see the log); they stay due", buildFailed))
	}
	if partsFailed > 0 {
		left = append(left, fmt.Sprintf("%s could not be delivered; their releases go to those chats' next digest",
			nParts(partsFailed)))
	}
	if pending > 0 {
		verb := "are"
		if pending == 1 {
			verb = "is"
		}
		left = append(left, fmt.Sprintf("%s %s still queued after %s (is Telegram reachable?); serve will send them",
			nParts(pending), verb, wait))
	}
	if len(left) == 0 {
		return nil
	}
	return errors.New(strings.Join(left, "; "))
}

// digestPreview prints the plain text of the chat's next digest as if it
// were built at now.
func digestPreview(ctx context.Context, cfg Config, log *slog.Logger, chatID int64, now time.Time, stdout io.Writer) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	parts, err := digest.NewBuilder(st, cfg.Digest.buildOptions(log, nil)).Preview(ctx, chatID, now)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("chat %d has never written to the bot", chatID)
	}
	if err != nil {
		return err
	}
	if len(parts) == 0 {
		fmt.Fprintf(stdout, "nothing new for chat %d\n", chatID)
		return nil
	}
	for i, p := range parts {
		fmt.Fprintf(stdout, "----- message %d of %d (%s characters) -----\n%s\n", i+1, len(parts),
			strconv.Itoa(tgtext.UTF16Len(p.Plain)), p.Plain)
	}
	return nil
}

// startDigests runs, alongside the bot, the sender of the outbox and the
// scheduler of digest and alert passes (every minute). The returned stop waits for a
// pass in progress and for the sender to finish the parts in hand.
func startDigests(ctx context.Context, st *store.Store, b *bot.Bot, builder *digest.Builder, opts digest.SenderOptions,
	alerts digest.AlertOptions, log *slog.Logger) (stop func(), err error) {
	sendCtx, cancel := context.WithCancel(ctx)
	sender := digest.NewSender(st, b.Client(), opts)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := sender.Run(sendCtx); err != nil {
			log.Error("Digest sender stopped", slog.String("error", err.Error()))
		}
	}()
	sched := digest.NewScheduler(builder, sender, digest.SchedulerOptions{Logger: log,
		Alerts: digest.NewAlerter(st, alerts), Keywords: st})
	if err := sched.Start(ctx); err != nil {
		cancel()
		<-done
		return nil, err
	}
	return func() {
		sched.Stop()
		cancel()
		<-done
	}, nil
}

// nParts is "1 part" or "3 parts".
func nParts(n int) string {
	if n == 1 {
		return "1 part"
	}
	return fmt.Sprintf("%d parts", n)
}
