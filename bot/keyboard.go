package bot

import "github.com/go-telegram/bot/models"

// button is an inline button that sends cb back when pressed.
func button(label string, cb callback) models.InlineKeyboardButton {
	return models.InlineKeyboardButton{Text: label, CallbackData: cb.encode()}
}

func row(buttons ...models.InlineKeyboardButton) []models.InlineKeyboardButton { return buttons }

// keyboard returns nil for no rows, so a message without buttons sends no
// reply_markup at all.
func keyboard(rows ...[]models.InlineKeyboardButton) *models.InlineKeyboardMarkup {
	var kept [][]models.InlineKeyboardButton
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: kept}
}
