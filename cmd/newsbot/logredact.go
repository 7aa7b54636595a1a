package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// redactHandler replaces a secret (the bot token) wherever it appears in a
// record: message, attribute values, groups. The bot redacts the errors it
// logs itself; this is the net under everything else (a digest send error
// quoting a proxy's page, a library message), so the token cannot reach a
// log whatever a call site does.
type redactHandler struct {
	slog.Handler
	secret string
}

// redacting wraps log so that secret never appears in its output.
func redacting(log *slog.Logger, secret string) *slog.Logger {
	if secret == "" {
		return log
	}
	return slog.New(redactHandler{log.Handler(), secret})
}

func (h redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.clean(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.Handler.Handle(ctx, out)
}

func (h redactHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return redactHandler{h.Handler.WithAttrs(clean), h.secret}
}

func (h redactHandler) WithGroup(name string) slog.Handler {
	return redactHandler{h.Handler.WithGroup(name), h.secret}
}

func (h redactHandler) clean(s string) string { return strings.ReplaceAll(s, h.secret, "<token>") }

// attr redacts one attribute. Values that format through code (errors,
// Stringers, anything) are formatted here, so what is checked is what is
// written.
func (h redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.clean(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		return slog.String(a.Key, h.clean(fmt.Sprint(v.Any())))
	}
	return slog.Attr{Key: a.Key, Value: v}
}
