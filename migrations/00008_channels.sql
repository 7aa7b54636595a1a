-- +goose Up
-- Groups and channels. title is how a group or channel is named in answers
-- about it. acting_chat_id, on a private chat, is the channel that chat's
-- settings commands apply to (NULL: the private chat itself).
ALTER TABLE chats ADD COLUMN title text NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN acting_chat_id bigint
    REFERENCES chats (id) ON DELETE SET NULL ON UPDATE CASCADE;

-- lang_chosen is set once someone chose the chat's language with
-- /language; until then it follows what the chat's user's Telegram says
-- (the console: NEWSBOT_LANG, every start).
ALTER TABLE chats ADD COLUMN lang_chosen boolean NOT NULL DEFAULT false;

-- channel_admins are the users who connected a channel from their private
-- chat (user_id is that chat's id). lost_notified_at is set when a user was
-- told the bot can no longer post there, so that they are told once.
CREATE TABLE channel_admins (
    channel_id       bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    user_id          bigint NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
    connected_at     timestamptz NOT NULL DEFAULT now(),
    lost_notified_at timestamptz,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_admins_user_idx ON channel_admins (user_id);

-- +goose Down
DROP TABLE channel_admins;
ALTER TABLE chats DROP COLUMN lang_chosen;
ALTER TABLE chats DROP COLUMN acting_chat_id;
ALTER TABLE chats DROP COLUMN title;
