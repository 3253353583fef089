"""Qt item models over the store: the article list and the open article's span table."""
