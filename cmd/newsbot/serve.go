package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/store"
)

// runServe runs the bot with long polling until ctx ends (SIGINT/SIGTERM),
// then lets the updates in hand finish and closes.
func runServe(ctx context.Context, cfg Config, log *slog.Logger) error {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	// Sources are polled in the background; the returned function stops the
	// poller and waits for it, before the store closes.
	defer startPolling(ctx, cfg, st, log)()
	builder := digest.NewBuilder(st, digest.BuildOptions{Logger: log})
	b, err := bot.New(ctx, st, bot.Options{
		Token: cfg.TelegramToken, ServerURL: cfg.TelegramAPIURL, Logger: log,
		Digest: digest.NewService(st, builder, nil),
	})
	if err != nil {
		return err
	}
	stopDigests, err := startDigests(ctx, st, b, builder, log)
	if err != nil {
		return err
	}
	defer stopDigests()
	if cfg.HTTPAddr != "" {
		srv := &http.Server{Addr: cfg.HTTPAddr, Handler: healthHandler(st), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("HTTP server stopped", slog.String("error", err.Error()))
			}
		}()
		defer func() {
			shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(shutCtx)
		}()
	}
	log.Info("Serving", slog.String("version", version), slog.String("mode", "long polling"))
	err = b.Run(ctx)
	log.Info("Stopped")
	return err
}

// healthHandler answers /healthz (the process is alive) and /readyz (the
// database answers and its schema is current).
func healthHandler(st *store.Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		current, err := st.MigrationsCurrent(ctx)
		switch {
		case err != nil:
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		case !current:
			http.Error(w, "migrations pending", http.StatusServiceUnavailable)
		default:
			w.Write([]byte("ready\n"))
		}
	})
	return mux
}
