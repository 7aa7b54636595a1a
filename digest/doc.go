// Package digest owns the daily digest: when passes run (the cron
// Scheduler; the rules of a chat's clock are package schedule's, and a
// chat's next digest time is stored by whatever changes it), what a digest
// holds (the releases that arrived since the chat's last digest and match
// its subscriptions, grouped, near-duplicates collapsed, the tellings of
// one event in other languages folded into the chat's, split into messages
// Telegram accepts), and how it is delivered (the outbox Sender: pacing,
// retries for hours, 403 and 429, a digest whole or offered again).
//
// A pass (Builder.RunPass) builds the digest of every chat whose stored next
// digest time has passed, in batches of chats, each batch in one
// transaction that also queues their messages in the outbox and moves their
// arrival cursors (store.BuildDigestBatch), then wakes the Sender. What the
// chats share (the new releases, the keyword matches, the near-duplicates,
// the cross-language duplicates) is computed once a pass, in a window (window.go). Builder.Preview composes
// one chat's digest with its own query instead; a test holds the two to the
// same output. Content is defined by arrival order, never by publication
// dates, so an archive import is never sent and a release is never sent
// twice.
package digest
