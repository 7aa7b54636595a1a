package main

import (
	"strings"
	"testing"
	"time"
)

func TestDigestConfig(t *testing.T) {
	def := LoadConfig(envOf()).Digest
	if def.MaxAgeDays != 7 || def.MaxItems != 30 || def.SendRate != 30 || def.ChatInterval != time.Second {
		t.Errorf("defaults = %+v, want 7 days, 30 items, 30/s, 1s", def)
	}
	set := LoadConfig(envOf("DIGEST_MAX_AGE_DAYS", "3", "DIGEST_MAX_ITEMS", "10",
		"SEND_RATE", "1000", "SEND_CHAT_INTERVAL", "1500ms"))
	if err := set.Validate(false); err != nil {
		t.Fatal(err)
	}
	d := set.Digest
	if d.MaxAgeDays != 3 || d.MaxItems != 10 || d.SendRate != 1000 || d.ChatInterval != 1500*time.Millisecond {
		t.Errorf("settings = %+v", d)
	}
	if o := d.senderOptions(nil, nil); o.GlobalPerSecond != 1000 || o.PerChatInterval != 1500*time.Millisecond {
		t.Errorf("sender options = %+v", o)
	}
	if o := d.buildOptions(nil, nil); o.MaxAgeDays != 3 || o.MaxItems != 10 {
		t.Errorf("build options = %+v", o)
	}
	for k, v := range map[string]string{"DIGEST_MAX_AGE_DAYS": "0", "DIGEST_MAX_ITEMS": "lots",
		"SEND_RATE": "5000", "SEND_CHAT_INTERVAL": "soon"} {
		err := LoadConfig(envOf(k, v)).Validate(false)
		if err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: Validate() = %v, want an error naming it", k, v, err)
		}
	}
}
