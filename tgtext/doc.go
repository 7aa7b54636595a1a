// Package tgtext is everything a chat reads, in one place: the bot's and the
// digest's texts in Kazakh, Russian and English (with their plural rules),
// escaping for Telegram's HTML parse mode, the length Telegram counts
// (UTF-16 units after parsing), messages cut to its 4096 limit between items,
// and how a release is shown as an item of a list or a digest.
//
// It is a leaf beside store: package bot and package digest both use it and
// neither imports the other. The texts are Go values rather than message
// files of an i18n library: three languages and two plural rules (Kazakh
// and English nouns after a numeral need at most two forms, Russian three)
// are a few lines here, and a misspelt message name fails to compile instead
// of showing a key to a user at run time.
//
// GLOSSARY.md is the term each text uses per language and the terms to
// avoid; the tests hold every text to it, and testdata/texts_*.golden show
// every text in each language as a chat reads it.
package tgtext
