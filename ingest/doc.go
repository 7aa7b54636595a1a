// Package ingest owns getting releases into the store: it reads release
// files, turns what they hold into store.NewRelease values (canonical gov.kz
// identity, plain-text body, cleaned title, language, content hash) and
// imports them in one transaction. Its poll subpackage polls gov.kz (each
// entity's RSS feed and the JSON list API; README.md, "Sources: releases
// arrive by themselves") and other RSS/Atom feeds, and makes its releases
// with the same clean-up (Release).
//
// A file is read whole and parsed before anything is stored, so a malformed
// file changes nothing; its error names the file and line ("news.txt:7: ...").
// The format is recognised from the content, not the file name: when the
// first non-blank line starts with "{" the file is JSON Lines, otherwise it is
// the text of an Enbekshi QazaQ listing page.
//
// # Enbekshi QazaQ page text
//
// A header ("Enbekshi QazaQ", the category name such as "News"), then items:
// a title line ending with " DD.MM.YYYY" (the publication date), body lines,
// and "Source : <gov.kz URL>" ("Ақпарат көзі : <URL>" on Kazakh pages), which
// may be glued to the end of the body. Items without a Source line are kept
// and identified by their content hash.
//
// # JSON Lines
//
// One release per line, as a JSON object; blank lines are ignored and so are
// unknown fields:
//
//	url        gov.kz release URL, optional. Any ?lang= is dropped: the
//	           language does not change which release it is.
//	entity     the entity's slug (e.g. "mfa"), optional; taken from url
//	           when absent.
//	id         the gov.kz numeric id (number or numeric string), optional;
//	           taken from url when absent. Needs an entity. An entity or
//	           id that contradicts url is an error.
//	title      the title, HTML or plain text.
//	body       the body, HTML or plain text.
//	lang       "kk", "ru" or "en", optional: detected from the text when
//	           absent.
//	published  the publication date, "YYYY-MM-DD" or RFC 3339 (the date is
//	           then taken in Kazakhstan time); required.
//	entity_name the organisation's name in the release's language (e.g.
//	           "Акимат Кармакшинского района"), optional: an entity that is
//	           not in the catalogue is named by it when first seen, instead
//	           of by its slug; catalogue names are never changed.
//
// For example:
//
//	{"url":"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=en","title":"Kazakhstan and UAE ...","body":"<p>Astana ...</p>","published":"2025-11-26"}
//
// # Identity
//
// A release with a gov.kz URL is identified by (entity, id), whatever its
// language; one without is identified by its content hash, a SHA-256 of its
// normalised title and body. A URL that is not a gov.kz release URL is not an
// error: the release keeps no URL and the import reports a note.
package ingest
