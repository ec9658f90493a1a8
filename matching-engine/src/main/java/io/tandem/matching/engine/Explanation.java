package io.tandem.matching.engine;

/**
 * One criterion's share of a pair's score. The contributions of a pair add up to its score exactly.
 *
 * @param weight points at a perfect match
 * @param value how well the pair meets the criterion, from 0 to 1
 * @param contribution {@code round(weight * value)}, in points
 */
public record Explanation(Criterion criterion, int weight, double value, int contribution) {}
