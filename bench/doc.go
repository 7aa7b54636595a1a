// Package bench owns newsbot's benchmark at country scale (the
// newsbot-bench command): a generator of realistic data, the scenarios that measure the
// real code paths on it, each against a baseline measured in the same run,
// and the report.
//
// The generator writes releases from templates in English, Russian and
// Kazakh (Cyrillic and the Latin alphabet of 2021) over real place names
// inflected as the languages inflect them (Шымкентте, Астаны, Şymkentte),
// real topics and office holders, the catalogue's entities and gov.kz ids,
// published over two years with the last days densest; and chats with one
// to ten subscriptions, a third of them keywords in any language and
// script. The same seed makes the same data.
//
// The scenarios: /search latency (textmatch.ParseSearch and
// store.Search) against a sequential ILIKE scan; the time of one digest
// pass (digest.Builder.RunPass) over every chat against the time Telegram's
// 30 messages a second need to carry what it built; the digest.Sender's
// throughput against a fake Bot API's limit; store.ImportReleases against
// one INSERT per release; and memory during the digest pass.
//
// The archive is bulk-loaded with COPY (with the releases' secondary indexes
// rebuilt afterwards), which is setup; the new day's releases go through
// store.ImportReleases, which is measured.
package bench
