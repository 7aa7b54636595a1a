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

// newHTTPHandler serves /healthz, /readyz and /metrics, and the webhook at
// path when webhook is not nil. The webhook is matched on its exact path
// before the mux, so any path Telegram is given works.
func newHTTPHandler(st *store.Store, m *metrics.Metrics, path string, webhook http.Handler) http.Handler {
	mux := healthHandler(st)
	mux.Handle("GET /metrics", m.Handler())
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

// startHTTP listens on addr at once, so that a taken port stops serve with
// a clear error, and serves h. stop, which may be called more than once,
// lets the requests in hand (webhook updates) finish.
func startHTTP(addr string, h http.Handler, log *slog.Logger) (stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("HTTP_ADDR %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
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
