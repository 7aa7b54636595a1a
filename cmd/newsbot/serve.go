package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/leader"
	"github.com/newsbot-kz/newsbot/metrics"
)

// runServe runs the bot until ctx ends (SIGINT/SIGTERM), then lets the
// updates in hand finish and closes. Every replica serves the webhook (or
// campaigns to be the one long poller), builds and sends digests, and
// answers HTTP_ADDR.
func runServe(ctx context.Context, cfg Config, log *slog.Logger) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	m := metrics.New(st, log)
	// Sources are polled in the background; the returned function stops the
	// poller and waits for it, before the store closes. (Its fetches can be
	// counted with m.Fetched and m.ReleasesStored.)
	defer startPolling(ctx, cfg, st, log, m)()
	builder := digest.NewBuilder(st, cfg.Digest.buildOptions(log, m))
	b, err := bot.New(ctx, st, bot.Options{
		Token: cfg.TelegramToken, ServerURL: cfg.TelegramAPIURL, Logger: log,
		Digest: digest.NewService(st, builder, nil), Metrics: m,
		Admins: cfg.AdminChatIDs, Stats: st, AlertsPerDay: cfg.Digest.AlertsPerDay,
	})
	if err != nil {
		return err
	}
	stopDigests, err := startDigests(ctx, st, b, builder, cfg.Digest.senderOptions(log, m),
		cfg.Digest.alertOptions(log, m), log)
	if err != nil {
		return err
	}
	defer stopDigests()

	var webhook http.Handler
	if cfg.WebhookURL != "" {
		webhook = webhookHandler(b, cfg.WebhookSecret, log)
	}
	stopHTTP, err := startListeners(cfg, st, m, webhook, log)
	if err != nil {
		return err
	}
	defer stopHTTP()
	if err := b.RegisterCommands(ctx); err != nil {
		log.Warn("Could not register the command menu", slog.String("error", err.Error()))
	}
	if cfg.WebhookURL != "" {
		if err := b.SetWebhook(ctx, cfg.WebhookURL, cfg.WebhookSecret); err != nil {
			return err
		}
		log.Info("Serving", slog.String("version", version), slog.String("mode", "webhook"),
			slog.String("webhook_path", webhookPath(cfg.WebhookURL)))
		<-ctx.Done()
	} else {
		log.Info("Serving", slog.String("version", version), slog.String("mode", "long polling"),
			slog.Duration("poller_retry", cfg.PollerRetry))
		leader.New(st, b, leader.Options{
			Token: cfg.TelegramToken, Retry: cfg.PollerRetry, Logger: log, Metrics: m,
		}).Run(ctx)
	}
	stopHTTP() // webhook requests in hand are answered
	b.Wait()   // and so are polled updates
	log.Info("Stopped")
	return nil
}
