package main

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestRedactingLoggerHidesTheToken(t *testing.T) {
	const token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
	var buf bytes.Buffer
	log := redacting(slog.New(slog.NewJSONHandler(&buf, nil)), token)
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
