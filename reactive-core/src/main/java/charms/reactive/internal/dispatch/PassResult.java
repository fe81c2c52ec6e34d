package charms.reactive.internal.dispatch;

/** What one pass did: its iteration number and how many handlers it queued. */
record PassResult(int iteration, int queued) {
}
