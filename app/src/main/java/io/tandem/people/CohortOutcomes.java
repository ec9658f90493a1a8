package io.tandem.people;

/**
 * People who took part against people who did not, over the same period: how many there were, how
 * many left the organisation, and how many moved to another division or location.
 *
 * @param participants the group asked about
 * @param others people who were not in it, from the same divisions and job levels
 */
public record CohortOutcomes(Group participants, Group others) {

    /** Counts of one group; a person who left and moved counts in both. */
    public record Group(int people, int left, int moved) {

        /** Share still in the organisation, in percent, one decimal. */
        public double retainedPercent() {
            return percent(people - left);
        }

        /** Share who moved division or location, in percent, one decimal. */
        public double movedPercent() {
            return percent(moved);
        }

        private double percent(int count) {
            return people == 0 ? 0 : Math.round(1000.0 * count / people) / 10.0;
        }
    }
}
