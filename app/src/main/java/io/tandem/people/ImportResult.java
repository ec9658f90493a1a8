package io.tandem.people;

import java.util.List;

/** What an accepted import did. */
public record ImportResult(int created, int updated, int unchanged, List<String> warnings) {}
