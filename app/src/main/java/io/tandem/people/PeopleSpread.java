package io.tandem.people;

import java.util.Map;

/**
 * How many of a group of people work in each division and at each location, as typed ("—" for
 * none), in order: for pages that show a group's spread without loading its people.
 */
public record PeopleSpread(Map<String, Integer> byDivision, Map<String, Integer> byLocation) {}
