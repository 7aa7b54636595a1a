package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// Only one session holds a lease; releasing it, or losing its session,
// lets another process take it. Two stores stand for two processes (a
// session may retake a lock it holds, so one pool could fool the test).
func TestLeaseIsExclusiveAndEndsWithItsSession(t *testing.T) {
	ctx := context.Background()
	url := testdb.URL(t)
	open := func() *store.Store {
		st, err := store.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	one, two := open(), open()
	key := int64(0x7E57_0000_0001) // above 32 bits: exercises the pg_locks split
	a, ok, err := one.TryLease(ctx, key, time.Minute)
	if err != nil || !ok {
		t.Fatalf("first lease: %v, %v", ok, err)
	}
	if err := a.Check(ctx); err != nil {
		t.Fatalf("fresh lease: %v", err)
	}
	if _, ok, err := two.TryLease(ctx, key, 0); err != nil || ok {
		t.Fatalf("second lease while the first is held: %v, %v; want false, nil", ok, err)
	}
	a.Release()
	// The released session is gone, not pooled: the other process gets it.
	b := eventuallyLease(t, two, key)
	// The server ends b's session, as a restart would: b is lost, and the
	// first process can lead.
	if _, err := one.DB().ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_locks
		WHERE locktype = 'advisory' AND objid = $1::bigint::oid`, int64(uint32(key))); err != nil {
		t.Fatal(err)
	}
	if err := b.Check(ctx); err == nil {
		t.Error("Check passed on a terminated session")
	}
	b.Release()
	eventuallyLease(t, one, key).Release()
}

// eventuallyLease takes the lease, waiting for a session the server is
// still ending (that is asynchronous) to let go of it.
func eventuallyLease(t *testing.T, st *store.Store, key int64) *store.Lease {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		l, ok, err := st.TryLease(context.Background(), key, 0)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return l
		}
		if time.Now().After(deadline) {
			t.Fatal("the lease was never free again: a released or ended session still holds it")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A holder that stops checking its lease loses it: the server ends an idle
// lease session after the given time.
func TestIdleLeaseExpires(t *testing.T) {
	ctx := context.Background()
	st := testdb.Open(t)
	l, ok, err := st.TryLease(ctx, 99, 300*time.Millisecond)
	if err != nil || !ok {
		t.Fatalf("lease: %v, %v", ok, err)
	}
	defer l.Release()
	deadline := time.Now().Add(30 * time.Second)
	for l.Check(ctx) == nil {
		if time.Now().After(deadline) {
			t.Fatal("an idle lease was never ended by the server")
		}
		time.Sleep(time.Second) // longer than the idle timeout: the check itself must not keep it alive
	}
}
