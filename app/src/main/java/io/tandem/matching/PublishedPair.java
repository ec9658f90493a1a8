package io.tandem.matching;

import io.tandem.people.PersonId;

/** A pair a run or an accepted request published, as the mentorships module starts it. */
public record PublishedPair(PersonId mentee, PersonId mentor, int score) {}
