// Package fakebotapi is a fake Telegram Bot API server that speaks the real
// wire format, for tests of the bot and for the bot's console mode (trying
// the bot without a token). It owns the fake's state — messages the bot sent,
// queued updates, registered commands — and the rules Telegram enforces on
// them, including its HTML parser (ParseHTML).
//
// Point the real client at it:
//
//	srv := fakebotapi.New()
//	defer srv.Close()
//	b, err := bot.New("123:test", bot.WithServerURL(srv.URL()))
//
// Every call is POST {URL}/bot{token}/{method}; any token is accepted and the
// bot's id is the token's numeric prefix. Bodies may be multipart/form-data
// (what go-telegram/bot sends: strings raw, everything else JSON-encoded),
// application/json or x-www-form-urlencoded. Answers are {"ok":true,"result":...}
// or {"ok":false,"error_code":N,"description":"...","parameters":{...}} with
// HTTP status N.
//
// Implemented methods: getMe, getUpdates, sendMessage, editMessageText,
// editMessageReplyMarkup, deleteMessage, answerCallbackQuery, sendChatAction,
// setMyCommands, getMyCommands, deleteMyCommands, setWebhook, deleteWebhook,
// getWebhookInfo. Any other method answers 404 "Not Found: method not found".
//
// Texts are validated as Telegram does, with its descriptions: invalid HTML
// is "Bad Request: can't parse entities: ...", and a text empty after parsing,
// longer than 4096 UTF-16 units, a callback_data over 64 bytes
// (BUTTON_DATA_INVALID) or a missing chat_id ("chat not found") are refused.
// Markdown parse modes are accepted without parsing. Any non-zero chat id is
// a chat the bot may write to.
//
// Drive the bot with SendText, SendSticker, Press and SendUpdate; getUpdates
// long-polls (at most WithPollWait, 1s by default) so a polling client never
// spins. Inspect what it did with Messages, WaitMessages, Calls, Answer,
// Commands and Webhook, or follow it live with WithEvents. Make it fail with
// SetHook (TooManyRequests, Forbidden, ServerError, MigrateTo, Hang), Block,
// Migrate, and SetRateLimit / SetChatRateLimit; SendAttempts and
// RetryViolations tell whether the bot respected retry_after.
//
// Deliberate differences from Telegram: ParseHTML is stricter (a bare ">"
// or "&", or an unknown entity such as "&nbsp;", is refused rather than shown
// literally); updates are not filtered by allowed_updates and never pushed to
// a webhook; inline messages, media and the many other methods are absent.
package fakebotapi
