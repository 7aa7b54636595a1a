// Package loglevel narrows a logger to the records at or above a level,
// for commands whose own summary (or conversation) is the output and whose
// components' info lines would only repeat it: digest run, fetch, console.
package loglevel

import (
	"context"
	"log/slog"
)

// AtLeast returns a logger that writes through log only the records at or
// above min. Loggers derived from it (With, WithGroup) keep the filter.
func AtLeast(log *slog.Logger, min slog.Level) *slog.Logger {
	return slog.New(filter{log.Handler(), min})
}

// filter drops records below min. WithAttrs and WithGroup are wrapped too:
// the embedded handler's would return a handler without the filter.
type filter struct {
	slog.Handler
	min slog.Level
}

func (f filter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.Handler.Enabled(ctx, l)
}

func (f filter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return filter{f.Handler.WithAttrs(attrs), f.min}
}

func (f filter) WithGroup(name string) slog.Handler {
	return filter{f.Handler.WithGroup(name), f.min}
}
