package redact_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/redact"
)

const token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

func TestLoggerHidesTheToken(t *testing.T) {
	var buf bytes.Buffer
	log := redact.Logger(slog.New(slog.NewJSONHandler(&buf, nil)), token)
	err := errors.New(`Post "https://api.telegram.org/bot` + token + `/sendMessage": EOF`)
	log.With(slog.String("url", "/bot"+token+"/getMe")).WithGroup("call").Error("Failed: "+token,
		slog.String("error", err.Error()), slog.Any("err", err),
		slog.Group("request", slog.String("path", "/bot"+token)), slog.Int("chat_id", 5))
	out := buf.String()
	if strings.Contains(out, token) || strings.Contains(out, "zyx57W2v1u123ew11") {
		t.Errorf("the token was logged:\n%s", out)
	}
	if strings.Count(out, "<token>") != 5 || !strings.Contains(out, `"chat_id":5`) {
		t.Errorf("want five redactions and the other attributes kept:\n%s", out)
	}
}

func TestToken(t *testing.T) {
	in := `Post "https://api.telegram.org/bot` + token + `/getMe": EOF`
	if got, want := redact.Token(in, token), `Post "https://api.telegram.org/bot<token>/getMe": EOF`; got != want {
		t.Errorf("Token = %q, want %q", got, want)
	}
	if got := redact.Token(in, ""); got != in {
		t.Errorf("Token with no token = %q, want the text unchanged", got)
	}
}
