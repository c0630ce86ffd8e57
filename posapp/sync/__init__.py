"""Shop ↔ hub sync. So far: the transactional outbox (records waiting to be uploaded)."""
