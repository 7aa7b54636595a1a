package leader

import "testing"

// TestLockKeyIsTheBots checks that the lock follows the bot's id, the
// token's public part: a revoked and reissued token keeps its poller's
// lock, and two bots on one database elect a poller each.
func TestLockKeyIsTheBots(t *testing.T) {
	a := lockKey("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")
	if b := lockKey("123456:another-secret-part-000000000000"); a != b {
		t.Errorf("one bot, two tokens: keys %d and %d, want one", a, b)
	}
	if c := lockKey("654321:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"); a == c {
		t.Errorf("two bots share the key %d", a)
	}
}
