package loglevel_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/loglevel"
)

// TestAtLeastKeepsTheFilterOnDerivedLoggers checks that With and WithGroup,
// which components call to add their context, do not lose the level.
func TestAtLeastKeepsTheFilterOnDerivedLoggers(t *testing.T) {
	var buf bytes.Buffer
	log := loglevel.AtLeast(slog.New(slog.NewTextHandler(&buf, nil)), slog.LevelWarn)
	for _, l := range []*slog.Logger{log, log.With(slog.Int("chat_id", 5)), log.WithGroup("g"), log.With("a", 1).WithGroup("g")} {
		l.Info("dropped")
		l.Warn("kept")
	}
	out := buf.String()
	if strings.Contains(out, "dropped") || strings.Count(out, "kept") != 4 {
		t.Errorf("want the four warnings and no info line:\n%s", out)
	}
}
