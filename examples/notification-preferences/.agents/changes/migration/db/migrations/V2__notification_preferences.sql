-- Which notifications each user wants, per type and channel.
-- A missing row means enabled: notifications are opt-out.
CREATE TABLE notification_preferences (
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type       VARCHAR(40) NOT NULL,
    channel    VARCHAR(20) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    updated_at TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id, type, channel),
    CHECK (type IN ('ORDER_SHIPPED', 'WEEKLY_DIGEST', 'SECURITY_ALERT')),
    CHECK (channel IN ('EMAIL', 'SMS')),
    -- Security alerts always go out by email.
    CHECK (enabled OR NOT (type = 'SECURITY_ALERT' AND channel = 'EMAIL'))
);
