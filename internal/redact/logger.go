package redact

import (
	"context"
	"fmt"
	"log/slog"
)

// Logger wraps log so that token never appears in its output: message,
// attribute values, groups. The bot redacts the errors it logs itself; this
// is the net under everything else (a digest send error quoting a proxy's
// page, a library message), so the token cannot reach a log whatever a
// call site does. An empty token returns log unchanged.
func Logger(log *slog.Logger, token string) *slog.Logger {
	if token == "" {
		return log
	}
	return slog.New(handler{log.Handler(), token})
}

// handler redacts the token in each record before passing it on.
type handler struct {
	slog.Handler
	token string
}

func (h handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Token(r.Message, h.token), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.Handler.Handle(ctx, out)
}

func (h handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return handler{h.Handler.WithAttrs(clean), h.token}
}

func (h handler) WithGroup(name string) slog.Handler {
	return handler{h.Handler.WithGroup(name), h.token}
}

// attr redacts one attribute. Values that format through code (errors,
// Stringers, anything) are formatted here, so what is checked is what is
// written.
func (h handler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Token(v.String(), h.token))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.attr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		return slog.String(a.Key, Token(fmt.Sprint(v.Any()), h.token))
	}
	return slog.Attr{Key: a.Key, Value: v}
}
