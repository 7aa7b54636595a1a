package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/newsbot-kz/newsbot/metrics"
	"github.com/newsbot-kz/newsbot/store"
)

// newHTTPHandler serves /healthz and /readyz, /metrics when withMetrics,
// and the webhook at path when webhook is not nil. The webhook is matched on
// its exact path before the mux, so any path Telegram is given works.
func newHTTPHandler(st *store.Store, m *metrics.Metrics, withMetrics bool, path string, webhook http.Handler) http.Handler {
	mux := healthHandler(st)
	if withMetrics {
		mux.Handle("GET /metrics", m.Handler())
	}
	if webhook == nil {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == path {
			webhook.ServeHTTP(w, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// healthHandler answers /healthz (the process is alive) and /readyz (the
// database answers and its schema is current).
func healthHandler(st *store.Store) *http.ServeMux {
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

// httpTimeouts bound what one connection may hold: a client that sends its
// headers or body slowly is cut after read, and an answer (a webhook update
// is answered once handled, within the handler's 30 s bound) after write.
type httpTimeouts struct {
	header, read, write, idle time.Duration
}

var serveTimeouts = httpTimeouts{header: 5 * time.Second, read: 10 * time.Second,
	write: 40 * time.Second, idle: 90 * time.Second}

// startHTTP listens on addr at once, so that a taken port stops serve with
// a clear error, and serves h. stop, which may be called more than once,
// lets the requests in hand (webhook updates) finish. setting names the
// variable addr came from, for the error.
func startHTTP(setting, addr string, h http.Handler, t httpTimeouts, log *slog.Logger) (stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", setting, addr, err)
	}
	srv := &http.Server{Handler: h,
		ReadHeaderTimeout: t.header, ReadTimeout: t.read, WriteTimeout: t.write, IdleTimeout: t.idle,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("HTTP server stopped", slog.String("error", err.Error()))
		}
	}()
	return sync.OnceFunc(func() {
		// Longer than a handler's own 30 s bound would be pointless.
		ctx, cancel := context.WithTimeout(context.Background(), 35*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}), nil
}

// startListeners starts HTTP_ADDR and METRICS_ADDR. /metrics tells how
// many chats and releases there are and what fails: it is never served on
// the webhook's public listener unless METRICS_ADDR names that very address.
func startListeners(cfg Config, st *store.Store, m *metrics.Metrics, webhook http.Handler, log *slog.Logger) (stop func(), err error) {
	var stops []func()
	stopAll := func() {
		for _, s := range stops {
			s()
		}
	}
	metricsOnMain := cfg.MetricsAddr == cfg.HTTPAddr || (cfg.MetricsAddr == "" && webhook == nil)
	if cfg.HTTPAddr != "" {
		h := newHTTPHandler(st, m, metricsOnMain, webhookPath(cfg.WebhookURL), webhook)
		s, err := startHTTP("HTTP_ADDR", cfg.HTTPAddr, h, serveTimeouts, log)
		if err != nil {
			return nil, err
		}
		stops = append(stops, s)
		if !metricsOnMain && cfg.MetricsAddr == "" {
			log.Info("Metrics are not served on the webhook's address; set METRICS_ADDR to scrape them")
		}
	}
	if cfg.MetricsAddr != "" && cfg.MetricsAddr != cfg.HTTPAddr {
		h := newHTTPHandler(st, m, true, "", nil)
		s, err := startHTTP("METRICS_ADDR", cfg.MetricsAddr, h, serveTimeouts, log)
		if err != nil {
			stopAll()
			return nil, err
		}
		stops = append(stops, s)
	}
	return stopAll, nil
}
