package io.tandem.engagement;

/**
 * One person's answers. A check-in fills {@code met}, {@code usefulness}, {@code goalProgress} and
 * may fill {@code blocking}; a survey fills the seed's three outcome questions. Ratings are 1 to 5.
 *
 * @param shareBlocking whether program managers may read {@code blocking}
 */
public record CheckInAnswer(
        Boolean met,
        Integer usefulness,
        Integer goalProgress,
        String blocking,
        boolean shareBlocking,
        Integer awareness,
        Integer connection,
        Integer ideas) {

    public static CheckInAnswer checkIn(
            boolean met, int usefulness, int goalProgress, String blocking, boolean share) {
        return new CheckInAnswer(met, usefulness, goalProgress, blocking, share, null, null, null);
    }

    public static CheckInAnswer survey(int awareness, int connection, int ideas) {
        return new CheckInAnswer(null, null, null, null, false, awareness, connection, ideas);
    }
}
