// Package digest owns the daily digest: when each chat gets one (its time
// and zone, NextRun, the cron Scheduler), what it holds (the releases that
// arrived since the chat's last digest and match its subscriptions, grouped,
// near-duplicates collapsed, split into messages Telegram accepts), and how
// it is delivered (the outbox Sender: pacing, retries, 403 and 429).
//
// A pass (Builder.RunPass) builds the digest of every chat whose stored next
// digest time has passed, each in one transaction that also queues its
// messages in the outbox and moves the chat's arrival cursor
// (store.BuildDigest), then wakes the Sender. Content is defined by arrival
// order, never by publication dates, so an archive import is never sent and
// a release is never sent twice.
package digest
