"""Shop → hub sync: the run (upload, feeds, reconcile), its lease, status page, CLI and nightly schedule."""
