package bot

import "github.com/newsbot-kz/newsbot/tgtext"

// maxEchoRunes is how much of an argument a reply repeats back ("No source
// matches “…”"). An argument can be as long as a message, 4096 units, and a
// reply that repeated it whole would be over Telegram's limit and refused:
// the user would get nothing at all.
const maxEchoRunes = 64

// echo is user text to repeat in a reply: cut to maxEchoRunes and escaped.
func echo(s string) string { return tgtext.Esc(tgtext.Truncate(s, maxEchoRunes)) }

// echoQuery is a search query to repeat in a reply: whole up to the longest
// /search accepts, and escaped.
func echoQuery(s string) string { return tgtext.Esc(tgtext.Truncate(s, maxQueryRunes)) }
