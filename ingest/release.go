package ingest

import (
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// Release makes the store's release of one fetched item with the clean-up
// every source shares, so polled releases hash and read exactly like
// imported ones: title cleaned (or derived from the body), body tidied,
// language detected when lang is "", content hash taken. title and body are
// plain text (HTMLToText first); ref may be zero for an item of no gov.kz
// release.
func Release(ref GovkzRef, title, body, lang string, published time.Time) store.NewRelease {
	return newRelease(ref, title, body, lang, published)
}

// PublishedDay is the publication date of a moment: its calendar day in
// Kazakhstan, as the store keeps dates.
func PublishedDay(t time.Time) time.Time {
	t = t.In(kazakhstan())
	return date(t.Year(), t.Month(), t.Day())
}

// Kazakhstan is the country's time zone (UTC+5), for timestamps that carry
// no offset.
func Kazakhstan() *time.Location { return kazakhstan() }

// ValidSlug reports whether s is shaped like a gov.kz entity slug:
// lower-case ASCII letters, digits, '-' and '_'.
func ValidSlug(s string) bool { return validSlug(s) }
