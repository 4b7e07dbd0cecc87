-- People who use the shop. Email is required; a phone number is needed for SMS.
CREATE TABLE users (
    id    BIGINT       PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    phone VARCHAR(32)
);
